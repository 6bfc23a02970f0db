using System.CommandLine;
using System.Globalization;
using Warehouse.App.Access;
using Warehouse.App.Cli;
using Warehouse.Store.DuckDb;

namespace Warehouse.App.Commands.Export;

/// <summary>
/// <c>warehouse export --table T --format parquet|csv [--partition-by col[,col]]</c>: a warehouse
/// table as a file for BI tools, or as a folder of Hive-partitioned Parquet files for a distributed
/// engine (docs/scaling.md). Case-level tables, facts and check results (not yet through disclosure
/// control) go only to the restricted folder. Every run is in the access log.
/// </summary>
internal static class ExportCommand
{
    internal static Command Create(CommandRuntime runtime)
    {
        var table = new Option<string>("--table") { Description = "The table, e.g. dim.locality or fact.consultation.", Required = true, HelpName = "table" };
        var format = new Option<string>("--format") { Description = "The file format.", DefaultValueFactory = _ => "parquet" };
        format.AcceptOnlyFromAmong("parquet", "csv");
        var partitionBy = new Option<string?>("--partition-by")
        {
            Description = "Write a folder of Hive-partitioned Parquet files, one subfolder per value: columns separated by commas, each a column of the table or month(<date column>), e.g. partnership,month(consultation_date).",
            HelpName = "columns",
        };
        var command = new Command("export", "Export a warehouse table to Parquet or CSV, or to partitioned Parquet (case-level tables, facts and unsuppressed check results only to the restricted folder).") { table, format, partitionBy };
        command.SetAction((parse, cancellationToken) => runtime.RunAsync(
            parse,
            (session, token) => RunAsync(session, parse.GetValue(table)!, parse.GetValue(format) == "csv" ? ExportFormat.Csv : ExportFormat.Parquet, parse.GetValue(partitionBy), token),
            cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(CommandSession session, string table, ExportFormat format, string? partitionBy, CancellationToken cancellationToken)
    {
        long? rows = null;
        var outcome = "failed";
        var what = $"{table} as {format.ToString().ToLowerInvariant()}";
        if (partitionBy is not null) what += $" partitioned by {partitionBy}";
        try
        {
            if (partitionBy is not null && format != ExportFormat.Parquet)
                throw new UsageException("--partition-by writes Parquet only; leave out --format csv.");
            var exported = await session.WithProgressAsync($"Exporting {table}…", _ => Task.FromResult(Export(session, table, format, partitionBy)), cancellationToken);
            rows = exported.Rows;
            outcome = "ok";
            what += " to " + exported.Path;
            var written = exported.Partitions is { } folders
                ? string.Create(CultureInfo.InvariantCulture, $"Exported {exported.Rows} rows of {exported.Table} to {exported.Path} as Parquet partitioned by {exported.PartitionedBy} ({folders:N0} partitions)")
                : string.Create(CultureInfo.InvariantCulture, $"Exported {exported.Rows} rows of {exported.Table} to {exported.Path}");
            session.Out.WriteLine(exported.Restriction is { } why ? $"{written} ({why}: restricted folder, owner-only)." : written + ".");
            return ExitCodes.Success;
        }
        catch (DuckDbException e)
        {
            throw new CommandFailedException($"The export failed: {ErrorText.ForPerson(e)}", e);
        }
        finally
        {
            AccessLog.Append(session.Settings.AccessLog, new AccessLogEntry(session.Time.GetUtcNow(), session.Environment.UserName, "export", what, rows, outcome));
        }
    }

    private static ExportedTable Export(CommandSession session, string table, ExportFormat format, string? partitionBy)
    {
        using var warehouse = WarehouseAccess.OpenReadOnly(session.Settings);
        return partitionBy is null
            ? TableExporter.Export(warehouse, session.Settings, table, format)
            : TableExporter.ExportPartitioned(warehouse, session.Settings, table, partitionBy);
    }
}
