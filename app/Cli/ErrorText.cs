using Warehouse.Store.DuckDb;

namespace Warehouse.App.Cli;

/// <summary>An exception as one sentence for a person, or as stored in <c>ops.job_runs.error</c>.</summary>
internal static class ErrorText
{
    private const int MaxLength = 300;

    /// <summary>The first line of the message, for the terminal.</summary>
    internal static string ForPerson(Exception error)
    {
        var message = error.Message.Trim();
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length == 0 ? error.GetType().Name : line;
    }

    /// <summary>
    /// For the run history: a DuckDB error keeps only its kind ("Conversion Error"), because DuckDB
    /// quotes the offending value and a value may be an identifier; other messages are the
    /// task's own words, cut to one line.
    /// </summary>
    internal static string ForRecord(Exception error)
    {
        var root = error is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : error;
        if (root is DuckDbException duck && !duck.IsEnvironmentFault)
        {
            var kind = duck.Message.Split(':', 2)[0].Trim();
            return $"DuckDB reported an error ({(kind.Length is > 0 and < 40 ? kind : "see the service log")}).";
        }
        var line = ForPerson(root);
        return line.Length <= MaxLength ? line : line[..(MaxLength - 1)] + "…";
    }
}
