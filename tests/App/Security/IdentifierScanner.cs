using System.IO.Compression;
using System.Text;
using Warehouse.Store.DuckDb;

namespace Warehouse.App.Tests.Security;

/// <summary>
/// Looks for raw identifiers, names and key material in what the warehouse leaves behind: the bytes
/// of a file in UTF-8 and UTF-16LE, every part of a zip (an .xlsx stores its text deflated, so the
/// raw bytes alone would hide it), the values of a Parquet file (dictionary-encoded and compressed),
/// and every text column of the warehouse (DuckDB compresses strings in its file too).
/// </summary>
internal static class IdentifierScanner
{
    private static readonly Encoding[] Encodings = [new UTF8Encoding(false), new UnicodeEncoding(bigEndian: false, byteOrderMark: false)];

    /// <summary>What the scan reads of a file: its bytes, then each inflated zip part or the Parquet values.</summary>
    internal static IEnumerable<(string Where, byte[] Bytes)> Contents(string path)
    {
        var bytes = File.ReadAllBytes(path);
        yield return (path, bytes);
        if (bytes.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            foreach (var entry in zip.Entries)
            {
                using var part = entry.Open();
                using var inflated = new MemoryStream();
                part.CopyTo(inflated);
                yield return ($"{path}!{entry.FullName}", inflated.ToArray());
            }
        }
        else if (bytes.AsSpan().StartsWith("PAR1"u8))
        {
            yield return ($"{path} (values)", Encoding.UTF8.GetBytes(ParquetValues(path)));
        }
    }

    /// <summary>Where each needle occurs in <paramref name="bytes"/>, in either encoding.</summary>
    internal static IEnumerable<string> Find(string where, byte[] bytes, IReadOnlyList<string> needles)
    {
        foreach (var needle in needles)
        {
            foreach (var encoding in Encodings)
            {
                if (bytes.AsSpan().IndexOf(encoding.GetBytes(needle)) >= 0)
                {
                    yield return $"{where} holds '{needle}' ({encoding.WebName})";
                }
            }
        }
    }

    /// <summary>Every occurrence of a needle in the given files (their bytes, zip parts and Parquet values).</summary>
    internal static List<string> FilesContaining(IEnumerable<string> paths, IReadOnlyList<string> needles) =>
        paths.SelectMany(Contents).SelectMany(c => Find(c.Where, c.Bytes, needles)).ToList();

    /// <summary>Every table with a text column in which a needle occurs (compared without case).</summary>
    internal static List<string> TextColumnsContaining(DuckDbConnection connection, IReadOnlyList<string> needles)
    {
        var columns = new List<(string Table, string Column)>();
        using (var command = new DuckDbCommand("""
            SELECT '"' || table_schema || '"."' || table_name || '"', '"' || column_name || '"' FROM information_schema.columns
            WHERE table_catalog = current_database() AND (data_type LIKE '%VARCHAR%' OR data_type = 'JSON')
            ORDER BY 1, 2
            """, connection))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read()) columns.Add((reader.GetString(0), reader.GetString(1)));
        }
        var list = "[" + string.Join(", ", needles.Select(n => "'" + n.ToUpperInvariant().Replace("'", "''", StringComparison.Ordinal) + "'")) + "]";
        var found = new List<string>();
        // One query a table: a row's text columns joined and upper-cased once, then every needle looked for in it.
        foreach (var table in columns.GroupBy(c => c.Table, c => c.Column))
        {
            var text = "concat_ws(chr(31), " + string.Join(", ", table.Select(c => $"CAST({c} AS VARCHAR)")) + ")";
            using var probe = new DuckDbCommand($"""
                SELECT DISTINCT unnest(list_filter({list}, lambda n: contains(text, n)))
                FROM (SELECT upper({text}) AS text FROM {table.Key})
                """, connection);
            using var reader = probe.ExecuteReader();
            while (reader.Read()) found.Add($"{table.Key} holds '{reader.GetString(0)}'");
        }
        return found;
    }

    private static string ParquetValues(string path)
    {
        using var connection = new DuckDbConnection(":memory:");
        connection.Open();
        using var command = new DuckDbCommand($"SELECT CAST(COLUMNS(*) AS VARCHAR) FROM read_parquet('{path.Replace("'", "''", StringComparison.Ordinal)}')", connection);
        using var reader = command.ExecuteReader();
        var text = new StringBuilder();
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++) text.Append(reader.IsDBNull(i) ? string.Empty : reader.GetString(i)).Append('\n');
        }
        return text.ToString();
    }
}
