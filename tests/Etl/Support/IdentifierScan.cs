using Warehouse.Store.DuckDb;

namespace Warehouse.Etl.Tests.Support;

/// <summary>
/// Looks for given strings in every text column of every table (DuckDB compresses strings, so a
/// byte scan of the file alone could miss them) and in the bytes of files.
/// </summary>
public static class IdentifierScan
{
    public static List<string> TextColumnsContaining(DuckDbConnection connection, IReadOnlyList<string> needles)
    {
        var columns = new List<(string Schema, string Table, string Column)>();
        using (var command = new DuckDbCommand("""
            SELECT table_schema, table_name, column_name FROM information_schema.columns
            WHERE table_catalog = current_database() AND (data_type = 'VARCHAR' OR data_type = 'VARCHAR[]')
            """, connection))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read()) columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }
        var found = new List<string>();
        foreach (var (schema, table, column) in columns)
        {
            foreach (var needle in needles)
            {
                using var probe = new DuckDbCommand(
                    $"SELECT count(*) FROM \"{schema}\".\"{table}\" WHERE contains(upper(CAST(\"{column}\" AS VARCHAR)), upper($1))", connection);
                probe.Parameters.AddValue(needle);
                if ((long)probe.ExecuteScalar()! > 0) found.Add($"{schema}.{table}.{column} contains '{needle}'");
            }
        }
        return found;
    }

    public static List<string> FilesContaining(IEnumerable<string> paths, IReadOnlyList<string> needles)
    {
        var found = new List<string>();
        foreach (var path in paths.Where(File.Exists))
        {
            var bytes = File.ReadAllBytes(path);
            foreach (var needle in needles)
            {
                foreach (var encoding in new System.Text.Encoding[] { System.Text.Encoding.UTF8, System.Text.Encoding.Unicode })
                {
                    if (bytes.AsSpan().IndexOf(encoding.GetBytes(needle)) >= 0) found.Add($"{path} contains '{needle}'");
                }
            }
        }
        return found;
    }
}
