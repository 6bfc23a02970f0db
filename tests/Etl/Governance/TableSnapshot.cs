using System.Globalization;
using Warehouse.Store.DuckDb;

namespace Warehouse.Etl.Tests.Governance;

/// <summary>Every row of every table as text, to prove an action changed exactly what it should and nothing else.</summary>
public static class TableSnapshot
{
    public static Dictionary<string, List<string[]>> Take(DuckDbConnection connection, params string[] except)
    {
        var tables = new List<string>();
        using (var command = new DuckDbCommand("""
            SELECT table_schema || '.' || table_name FROM information_schema.tables
            WHERE table_catalog = current_database() AND table_type = 'BASE TABLE' ORDER BY 1
            """, connection))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read()) tables.Add(reader.GetString(0));
        }
        var snapshot = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
        foreach (var table in tables.Where(t => !except.Contains(t)))
        {
            using var command = new DuckDbCommand($"SELECT * FROM {table}", connection);
            using var reader = command.ExecuteReader();
            var rows = new List<string[]>();
            while (reader.Read())
            {
                var row = new string[reader.FieldCount];
                for (var i = 0; i < row.Length; i++) row[i] = Text(reader.IsDBNull(i) ? null : reader.GetValue(i));
                rows.Add(row);
            }
            snapshot[table] = rows;
        }
        return snapshot;
    }

    /// <summary>Rows as sorted lines, for comparing two snapshots of a table.</summary>
    public static List<string> Lines(IEnumerable<string[]> rows) => rows.Select(r => string.Join(" | ", r)).Order(StringComparer.Ordinal).ToList();

    private static string Text(object? value) => value switch
    {
        null => "∅",
        string s => s,
        System.Collections.IEnumerable items => "[" + string.Join(",", items.Cast<object?>().Select(Text)) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
