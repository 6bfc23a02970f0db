using Warehouse.Reports.Excel;

namespace Warehouse.Reports.Csv;

/// <summary>Writes a whole CSV file atomically: complete or absent, never half-written.</summary>
internal static class CsvFile
{
    public static void Write(
        string path,
        IReadOnlyList<string> headers,
        IEnumerable<IReadOnlyList<SheetCell>> rows,
        OutputFileOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        AtomicFile.Write(path, options ?? OutputFileOptions.Default, stream =>
        {
            using var text = new StreamWriter(stream, CsvWriter.Encoding, bufferSize: 65_536, leaveOpen: true);
            var csv = new CsvWriter(text);
            csv.WriteHeader(headers);
            var count = 0;
            foreach (var row in rows)
            {
                if (row.Count != headers.Count)
                {
                    throw new InvalidOperationException($"CSV row {count + 1} has {row.Count} fields; the header has {headers.Count}.");
                }

                if (++count % 1024 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                csv.WriteRow(row);
            }
        }, cancellationToken);
    }

    /// <summary>The CSV version of a table sheet: same headers, same typed cells.</summary>
    public static void Write(string path, TableSheet table, OutputFileOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        Write(path, table.Columns.Select(c => c.Header).ToArray(), table.Rows, options, cancellationToken);
    }
}
