using Warehouse.Etl.Loading;
using Warehouse.Store.DuckDb;

namespace Warehouse.Etl.Staging;

/// <summary>
/// Reads a CSV (UTF-8 with or without BOM, comma, RFC 4180 quoting) into the staging database with
/// DuckDB's own <c>read_csv</c>, every value as text. Records the reader cannot read are kept by
/// DuckDB's <c>store_rejects</c> and become rejects with their row numbers; the raw line itself
/// is never kept, since it may hold a child's identifier.
/// </summary>
internal static class CsvStager
{
    private const string ErrorsTable = "csv_reject_errors";
    private const string ScansTable = "csv_reject_scans";

    internal static StagedCsv Stage(DuckDbConnection connection, string path, string table)
    {
        connection.Execute($"DROP TABLE IF EXISTS temp.{ErrorsTable}; DROP TABLE IF EXISTS temp.{ScansTable}");
        try
        {
            connection.Execute($"""
                CREATE TABLE staging.{table} AS
                SELECT * FROM read_csv({SqlScript.Literal(path)},
                    header = true, all_varchar = true, delim = ',', quote = '"', escape = '"',
                    strict_mode = true, store_rejects = true,
                    rejects_table = '{ErrorsTable}', rejects_scan = '{ScansTable}')
                """);
        }
        catch (DuckDbException e)
        {
            throw new FileRefusedException($"The file cannot be read as CSV: {FirstLine(e.Message)}", e);
        }

        var columns = new List<string>();
        using (var describe = new DuckDbCommand($"SELECT column_name FROM (DESCRIBE staging.{table})", connection))
        using (var reader = describe.ExecuteReader())
        {
            while (reader.Read()) columns.Add(reader.GetString(0));
        }
        var rows = connection.Scalar<long>($"SELECT count(*) FROM staging.{table}");
        var rejected = connection.Scalar<long>($"SELECT count(DISTINCT line) FROM temp.{ErrorsTable}");
        if (rejected == 0)
        {
            return new StagedCsv(table, columns, rows, 0, $"staging.{table}", "(rowid + 2)");
        }

        // Rows keep file order (DuckDB preserves insertion order), so the accepted records take the
        // row numbers 2, 3, … that the rejected lines did not.
        connection.Execute($"""
            CREATE TABLE staging.{table}_rows AS
            SELECT (row_number() OVER (ORDER BY n)) - 1 AS r, n AS source_row
            FROM range(2, {rows + rejected + 2}) t(n)
            WHERE n NOT IN (SELECT line FROM temp.{ErrorsTable})
            """);
        return new StagedCsv(table, columns, rows, rejected,
            $"(SELECT rowid AS __r, * FROM staging.{table}) raw_rows JOIN staging.{table}_rows numbered ON numbered.r = raw_rows.__r",
            "numbered.source_row");
    }

    /// <summary>Keeps the records the CSV reader refused as rejects, with a reason and no raw text.</summary>
    internal static void RecordCsvRejects(DuckDbConnection connection, SourceFile file, StagedCsv csv)
    {
        if (csv.LinesRejected == 0) return;
        using var command = new DuckDbCommand($"""
            INSERT INTO ops.rejects
            SELECT $1, $2, $3, $4, NULL, line, nullif(column_name, ''), NULL,
                   CASE error_type
                       WHEN 'TOO MANY COLUMNS' THEN 'row ' || line || ' has more fields than the header (' || error_message || '); check for an unquoted comma'
                       WHEN 'MISSING COLUMNS' THEN 'row ' || line || ' has fewer fields than the header (' || error_message || ')'
                       WHEN 'INVALID ENCODING' THEN 'row ' || line || ' is not valid UTF-8 text: save the file as UTF-8'
                       WHEN 'INVALID UNICODE' THEN 'row ' || line || ' is not valid UTF-8 text: save the file as UTF-8'
                       WHEN 'LINE SIZE OVER MAXIMUM' THEN 'row ' || line || ' is longer than the largest row the loader reads (2 MB)'
                       WHEN 'UNQUOTED VALUE' THEN 'row ' || line || ' has a quote inside an unquoted value'
                       ELSE 'row ' || line || ' cannot be read as CSV: ' || error_type
                   END
            FROM (SELECT DISTINCT ON (line) * FROM temp.{ErrorsTable} ORDER BY line)
            """, connection);
        command.Parameters.AddValue(file.FileId);
        command.Parameters.AddValue(file.Partnership);
        command.Parameters.AddValue(file.FileName);
        command.Parameters.AddValue(file.Sha256);
        command.ExecuteNonQuery();
    }


    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
