using System.CommandLine;
using Warehouse.App.Access;
using Warehouse.App.Cli;
using Warehouse.App.Output;
using Warehouse.Store.DuckDb;

namespace Warehouse.App.Commands.Sql;

/// <summary>
/// <c>warehouse sql "&lt;query&gt;"</c>: analysts' own read-only queries. The warehouse is opened
/// read-only with external access off, so a query can read tables but cannot write a file
/// (<c>COPY … TO</c>), read one (<c>read_csv</c>) or attach another database. Every run is
/// written to the access log.
/// </summary>
internal static class SqlCommand
{
    internal static Command Create(CommandRuntime runtime)
    {
        var query = new Argument<string>("query") { Description = "The SQL to run, in quotes, e.g. \"SELECT count(*) FROM fact.consultation\"." };
        var format = FormatOption.Create();
        var command = new Command("sql", "Run a read-only SQL query against the warehouse (no file or network access).") { query, format };
        command.SetAction((parse, cancellationToken) => runtime.RunAsync(
            parse, (session, token) => Task.FromResult(Run(session, parse.GetValue(query)!, FormatOption.Parse(parse.GetValue(format)), token)), cancellationToken));
        return command;
    }

    internal static int Run(CommandSession session, string query, OutputFormat format, CancellationToken cancellationToken)
    {
        long? rows = null;
        var outcome = "failed";
        try
        {
            using var warehouse = WarehouseAccess.OpenForAnalyst(session.Settings);
            using var command = warehouse.CreateCommand();
            command.CommandText = query;
            using var cancel = cancellationToken.Register(command.Cancel);
            using var reader = command.ExecuteReader();
            rows = ReaderOutput.Write(reader, session.Rows(format), cancellationToken);
            outcome = "ok";
            return ExitCodes.Success;
        }
        catch (DuckDbException e)
        {
            throw new CommandFailedException($"The query failed: {ErrorText.ForPerson(e)}", e);
        }
        finally
        {
            // The query text is the analyst's own; the error text is not logged (it can quote data).
            AccessLog.Append(session.Settings.AccessLog, new AccessLogEntry(session.Time.GetUtcNow(), session.Environment.UserName, "sql", query, rows, outcome));
        }
    }
}
