using System.Collections.Concurrent;
using Warehouse.Store.DuckDb;

namespace Warehouse.Etl.Staging;

/// <summary>Runs the SQL files shipped beside the code (embedded resources) with named parameters.</summary>
internal static class SqlScript
{
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    /// <summary>The text of an embedded SQL file, by the end of its resource name (e.g. "Consultations.Sql.1_parse.sql").</summary>
    internal static string Text(string name) => Cache.GetOrAdd(name, static n =>
    {
        var assembly = typeof(SqlScript).Assembly;
        var resource = assembly.GetManifestResourceNames().SingleOrDefault(r => r.EndsWith("." + n, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No embedded SQL file ends with '{n}'.");
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>Runs every statement of an embedded SQL file; each statement binds the parameters it names.</summary>
    internal static int Run(DuckDbConnection connection, string name, IReadOnlyDictionary<string, object?> parameters)
    {
        if (!Loading.StepTimings.Enabled)
        {
            return Execute(connection, Text(name), parameters);
        }

        // Benchmark only: each statement timed on its own, named by the script and its first line.
        var changed = 0;
        var statements = string.Join('\n', Text(name).Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal)))
            .Split(";\n").Where(t => t.Trim().Length > 0).ToList();
        for (var i = 0; i < statements.Count; i++)
        {
            var statement = statements[i];
            var first = statement.Trim().Split('\n')[0];
            changed += Loading.StepTimings.Measure($"{name}: {first[..Math.Min(first.Length, 60)]}", () => Execute(connection, statement, parameters));
        }

        return changed;
    }

    internal static int Execute(DuckDbConnection connection, string sql, IReadOnlyDictionary<string, object?> parameters)
    {
        using var command = new DuckDbCommand(sql, connection);
        foreach (var (key, value) in parameters) command.Parameters.Add(key, value);
        return command.ExecuteNonQuery();
    }

    /// <summary>Quotes a value as a SQL string literal (for table-function arguments that cannot be parameters).</summary>
    internal static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>Quotes an identifier (a column name as it came in a file's header).</summary>
    internal static string Identifier(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
