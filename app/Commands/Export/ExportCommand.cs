using System.CommandLine;
using System.Globalization;
using Warehouse.App.Access;
using Warehouse.App.Cli;
using Warehouse.Store.DuckDb;

namespace Warehouse.App.Commands.Export;

/// <summary>
/// <c>warehouse export --table T --format parquet|csv</c>: a warehouse table as a file for BI
/// tools. Case-level tables go only to the restricted folder. Every run is in the access log.
/// </summary>
internal static class ExportCommand
{
    internal static Command Create(CommandRuntime runtime)
    {
        var table = new Option<string>("--table") { Description = "The table, e.g. dim.locality or fact.consultation.", Required = true, HelpName = "table" };
        var format = new Option<string>("--format") { Description = "The file format.", DefaultValueFactory = _ => "parquet" };
        format.AcceptOnlyFromAmong("parquet", "csv");
        var command = new Command("export", "Export a warehouse table to Parquet or CSV (case-level tables only to the restricted folder).") { table, format };
        command.SetAction((parse, cancellationToken) => runtime.RunAsync(
            parse,
            (session, token) => RunAsync(session, parse.GetValue(table)!, parse.GetValue(format) == "csv" ? ExportFormat.Csv : ExportFormat.Parquet, token),
            cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(CommandSession session, string table, ExportFormat format, CancellationToken cancellationToken)
    {
        long? rows = null;
        var outcome = "failed";
        var what = $"{table} as {format.ToString().ToLowerInvariant()}";
        try
        {
            var exported = await session.WithProgressAsync($"Exporting {table}…", _ => Task.FromResult(Export(session, table, format)), cancellationToken);
            rows = exported.Rows;
            outcome = "ok";
            what += " to " + exported.Path;
            session.Out.WriteLine(exported.CaseLevel
                ? $"Exported {exported.Rows.ToString(CultureInfo.InvariantCulture)} rows of {exported.Table} to {exported.Path} (case-level: restricted folder, owner-only)."
                : $"Exported {exported.Rows.ToString(CultureInfo.InvariantCulture)} rows of {exported.Table} to {exported.Path}.");
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

    private static ExportedTable Export(CommandSession session, string table, ExportFormat format)
    {
        using var warehouse = WarehouseAccess.OpenReadOnly(session.Settings);
        return TableExporter.Export(warehouse, session.Settings, table, format);
    }
}
