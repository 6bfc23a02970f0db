using Dapper;
using Warehouse.Store.DuckDb;

namespace Warehouse.Analytics.Runs;

/// <summary>
/// Reads one run's rows of an <c>analytics.*</c> table into its row record. Each property maps to
/// the column whose name, without underscores, matches it (<c>serious_under_rate</c> →
/// <c>SeriousUnderRate</c>); a property without a column is an error, so the records and the
/// schema cannot drift apart unnoticed.
/// </summary>
internal static class ResultTable
{
    public static IReadOnlyList<T> Read<T>(DuckDbConnection connection, string table, string runId, string orderBy)
    {
        DuckDbDapper.Register();
        var columns = Columns(connection, table);
        var select = typeof(T).GetProperties()
            .Where(p => p.CanWrite)
            .Select(p => columns.TryGetValue(p.Name.ToUpperInvariant(), out var column)
                ? $"\"{column}\" AS \"{p.Name}\""
                : throw new InvalidOperationException($"analytics.{table} has no column for {typeof(T).Name}.{p.Name}."));
        var sql = $"SELECT {string.Join(", ", select)} FROM analytics.{table} WHERE run_id = $run_id ORDER BY {orderBy}";
        return connection.Query<T>(sql, new { run_id = runId }).AsList();
    }

    private static Dictionary<string, string> Columns(DuckDbConnection connection, string table)
    {
        const string Sql = """
            SELECT column_name FROM information_schema.columns
            WHERE table_schema = 'analytics' AND table_name = $table
            """;
        var names = connection.Query<string>(Sql, new { table }).AsList();
        if (names.Count == 0)
        {
            throw new InvalidOperationException($"There is no table analytics.{table}.");
        }

        return names.ToDictionary(n => n.Replace("_", string.Empty, StringComparison.Ordinal).ToUpperInvariant(), n => n, StringComparer.Ordinal);
    }
}
