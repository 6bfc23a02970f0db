using System.Globalization;
using Warehouse.Etl.Loading;
using Warehouse.Store.DuckDb;
using Warehouse.Xlsx;

namespace Warehouse.Etl.Staging;

/// <summary>
/// Reads a CSV (UTF-8 with or without BOM, comma, RFC 4180 quoting) into the staging database with
/// DuckDB's own <c>read_csv</c>, every value as text. A streaming pre-scan (<see cref="CsvScan"/>)
/// first numbers the rows as Excel does and finds what the reader cannot be trusted with: rows too
/// long to read or holding NUL bytes become rejects by row; blank lines keep the rows after them
/// correctly numbered; a quote left open to the end of the file, mixed line endings or a row too
/// long to read at all refuse the file with the row named. Records DuckDB itself cannot read are
/// kept by its <c>store_rejects</c> and become rejects with their row numbers. The raw line itself
/// is never kept, since it may hold a child's identifier.
/// </summary>
internal static class CsvStager
{
    /// <summary>The longest row the reader is given at all (memory); a file with a longer one is refused.</summary>
    internal const long MaxReadableRowBytes = 64L << 20;

    /// <summary>The most bytes of over-long rows read (and then rejected) from one file.</summary>
    internal const long MaxLongRowBytesInAll = 256L << 20;

    private const string ErrorsTable = "csv_reject_errors";
    private const string ScansTable = "csv_reject_scans";

    internal static StagedCsv Stage(DuckDbConnection connection, string path, string table) =>
        Stage(connection, path, table, source => connection.Execute($"CREATE TABLE staging.{table} AS SELECT * FROM {source.ReadExpression}"));

    /// <summary>
    /// Scans and checks the file as <see cref="Stage(DuckDbConnection, string, string)"/> does, then lets
    /// <paramref name="materialise"/> create <c>staging.{table}</c> from <see cref="CsvSource.ReadExpression"/>
    /// with whatever expressions it likes (so a loader can type its columns as the file is read, in
    /// one pass), as long as the table keeps one row per record, in file order.
    /// </summary>
    internal static StagedCsv Stage(DuckDbConnection connection, string path, string table, Action<CsvSource> materialise)
    {
        connection.Execute($"DROP TABLE IF EXISTS temp.{ErrorsTable}; DROP TABLE IF EXISTS temp.{ScansTable}");
        var scan = CsvScan.Read(path);
        Refuse(scan);

        var names = ColumnNames(scan.Header);
        var columns = "{" + string.Join(", ", names.Select(n => $"{SqlScript.Literal(n)}: 'VARCHAR'")) + "}";
        // Over-long rows are read (then rejected here), never left to the reader: it would drop a row
        // longer than its buffer without a trace. Its buffer must hold the longest row.
        var lineSize = scan.Longest.Bytes > CsvScan.MaxRowBytes
            ? string.Create(CultureInfo.InvariantCulture, $", max_line_size = {scan.Longest.Bytes + 65_536}, buffer_size = {Math.Max(32L << 20, (scan.Longest.Bytes + 65_536) * 2)}")
            : "";
        // No sniffing: the header is the scan's, every column text; DuckDB's dialect detection can
        // fail on a long first row or pick a comment character, and would then drop rows.
        var read = $"""
            read_csv({SqlScript.Literal(path)},
                auto_detect = false, header = true, columns = {columns},
                delim = ',', quote = '"', escape = '"',
                strict_mode = true, store_rejects = true{lineSize},
                rejects_table = '{ErrorsTable}', rejects_scan = '{ScansTable}')
            """;
        try
        {
            materialise(new CsvSource(read, names, scan.Header, scan.MayHaveEdgeSpaces));
        }
        catch (DuckDbException e) when (!e.IsEnvironmentFault)
        {
            throw new FileRefusedException($"The file cannot be read as CSV: {FirstLine(e.Message)}", e);
        }

        var rows = connection.Scalar<long>($"SELECT count(*) FROM staging.{table}");
        var readerRejects = connection.Scalar<long>($"SELECT count(DISTINCT line) FROM temp.{ErrorsTable}");
        var expected = scan.LastRow - 1 - scan.BlankRows.Count - readerRejects;
        if (rows != expected)
        {
            throw new FileRefusedException(string.Create(CultureInfo.InvariantCulture,
                $"The file cannot be read as CSV reliably: the reader returned {rows:N0} rows where the file has {expected:N0} readable rows; nothing was loaded, so nothing was lost. Save it again as 'CSV UTF-8 (Comma delimited)'."));
        }
        if (readerRejects == 0 && scan.BlankRows.Count == 0 && scan.Problems.Count == 0)
        {
            return new StagedCsv(table, names, rows, 0, $"staging.{table} raw_rows", "(raw_rows.rowid + 2)", scan.Header);
        }

        // Rows keep file order (DuckDB preserves insertion order), so the rows read take, in order,
        // the row numbers 2, 3, … that are neither blank lines nor records the reader refused.
        connection.Execute($"CREATE TABLE staging.{table}_skipped (source_row BIGINT)");
        using (var appender = connection.CreateAppender($"{table}_skipped", "main", "staging"))
        {
            foreach (var blank in scan.BlankRows) appender.AppendRow(blank);
        }
        connection.Execute($"""
            CREATE TABLE staging.{table}_rows AS
            SELECT (row_number() OVER (ORDER BY n)) - 1 AS r, n AS source_row
            FROM range(2, {scan.LastRow + 1}) t(n)
            WHERE n NOT IN (SELECT line FROM temp.{ErrorsTable}) AND n NOT IN (SELECT source_row FROM staging.{table}_skipped)
            """);
        var dropped = DropProblemRows(connection, table, scan);
        return new StagedCsv(table, names, rows - dropped, readerRejects + dropped,
            $"staging.{table} raw_rows JOIN staging.{table}_rows numbered ON numbered.r = raw_rows.rowid",
            "numbered.source_row", scan.Header);
    }

    /// <summary>Refuses a file the reader cannot be given at all, naming the row.</summary>
    private static void Refuse(CsvScan scan)
    {
        if (scan.HeaderProblem is { } problem)
            throw new FileRefusedException(char.ToUpperInvariant(problem[0]) + problem[1..] + ".");
        if (scan.UnclosedQuoteRow is { } open)
        {
            var column = scan.UnclosedQuoteColumn - 1 < scan.Header.Count ? $"'{scan.Header[scan.UnclosedQuoteColumn - 1]}'" : $"{scan.UnclosedQuoteColumn}";
            throw new FileRefusedException(string.Create(CultureInfo.InvariantCulture,
                $"Row {open:N0} opens a quote (column {column}) that is never closed, so everything after it to the end of the file would be one value: close the quote (or remove it) and load the file again."));
        }
        var ends = scan.LineEnds;
        if (ends.Count > 1)
        {
            var described = string.Join(", ", ends.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Count:N0} line(s) end with {e.Name}, the first on row {e.FirstRow:N0}")));
            throw new FileRefusedException(
                $"The file mixes line endings ({described}); a CSV file uses one kind throughout. Save it again as 'CSV UTF-8 (Comma delimited)'.");
        }
        if (scan.Longest.Bytes > MaxReadableRowBytes)
        {
            throw new FileRefusedException(string.Create(CultureInfo.InvariantCulture,
                $"Row {scan.Longest.Row:N0} is {scan.Longest.Bytes:N0} bytes long; no row may be longer than {CsvScan.MaxRowBytes:N0} bytes, and one over {MaxReadableRowBytes:N0} cannot even be read to be rejected: remove or shorten it and load the file again."));
        }
        if (scan.TooManyBlankRows)
        {
            throw new FileRefusedException(string.Create(CultureInfo.InvariantCulture,
                $"The file has more than {CsvScan.MaxBlankRows:N0} blank lines: it is damaged or not CSV text."));
        }
        if (scan.LongRowBytes > MaxLongRowBytesInAll || scan.TooManyProblems)
        {
            throw new FileRefusedException(string.Create(CultureInfo.InvariantCulture,
                $"The file has {scan.Problems.Count:N0}{(scan.TooManyProblems ? " or more" : "")} rows longer than {CsvScan.MaxRowBytes:N0} bytes or holding NUL bytes (the first is row {scan.Problems[0].Row:N0}): it is damaged or not CSV text."));
        }
    }

    /// <summary>
    /// Column names for the reader: the header's, trimmed (as DuckDB's own reader names them); a blank one by its column letter, as a person
    /// finds it in Excel ("(no name, column U)"); a repeated one likewise ("locality (copy 2,
    /// column V)"), so that a loader reporting it as an unknown column says where it is. Names are
    /// unique ignoring case, as DuckDB requires.
    /// </summary>
    private static List<string> ColumnNames(IReadOnlyList<string> header)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var names = new List<string>(header.Count);
        for (var i = 0; i < header.Count; i++)
        {
            var name = string.IsNullOrWhiteSpace(header[i]) ? $"(no name, column {CellReference.ColumnName(Math.Min(i, CellReference.MaxColumns - 1))})" : header[i].Trim();
            var unique = name;
            for (var n = 2; !used.Add(unique); n++) unique = string.Create(CultureInfo.InvariantCulture, $"{name} (copy {n}, column {CellReference.ColumnName(Math.Min(i, CellReference.MaxColumns - 1))})");
            names.Add(unique);
        }
        return names;
    }

    /// <summary>Takes the rows the scan found unusable out of the numbering, and keeps why; returns how many.</summary>
    private static long DropProblemRows(DuckDbConnection connection, string table, CsvScan scan)
    {
        connection.Execute($"CREATE TABLE staging.{table}_dropped (line BIGINT, column_name VARCHAR, reason VARCHAR)");
        if (scan.Problems.Count == 0) return 0;
        using (var appender = connection.CreateAppender($"{table}_dropped", "main", "staging"))
        {
            foreach (var problem in scan.Problems)
            {
                appender.AppendRow(problem.Row, problem.Column, Reason(problem));
            }
        }
        // A row the reader refused already has its reject; the scan's reason is not added to it.
        connection.Execute($"DELETE FROM staging.{table}_dropped WHERE line IN (SELECT line FROM temp.{ErrorsTable})");
        connection.Execute($"DELETE FROM staging.{table}_rows WHERE source_row IN (SELECT line FROM staging.{table}_dropped)");
        return connection.Scalar<long>($"SELECT count(*) FROM staging.{table}_dropped");
    }

    private static string Reason(CsvRowProblem problem) => problem.Kind switch
    {
        CsvRowProblemKind.TooLong => string.Create(CultureInfo.InvariantCulture,
            $"row {problem.Row:N0} is {problem.Bytes:N0} bytes long, more than the {CsvScan.MaxRowBytes:N0} bytes a row may have")
            + (problem.Column is { } column ? string.Create(CultureInfo.InvariantCulture, $" (column '{column}' holds {problem.ColumnBytes:N0} bytes)") : "")
            + ": shorten or remove the value and load the row again",
        _ => string.Create(CultureInfo.InvariantCulture,
            $"row {problem.Row:N0} holds NUL bytes (binary data, not text): the file may be damaged; correct the row and load it again"),
    };

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
                       WHEN 'INVALID ENCODING' THEN 'row ' || line || ' is not valid UTF-8 text (the file may have been saved as Windows-1252/ANSI): save the file as ''CSV UTF-8'' and load it again'
                       WHEN 'INVALID UNICODE' THEN 'row ' || line || ' is not valid UTF-8 text (the file may have been saved as Windows-1252/ANSI): save the file as ''CSV UTF-8'' and load it again'
                       WHEN 'LINE SIZE OVER MAXIMUM' THEN 'row ' || line || ' is longer than the largest row the loader reads (2 MB)'
                       WHEN 'UNQUOTED VALUE' THEN 'row ' || line || ' has a quote inside an unquoted value'
                       ELSE 'row ' || line || ' cannot be read as CSV: ' || error_type
                   END
            FROM (SELECT DISTINCT ON (line) * FROM temp.{ErrorsTable} ORDER BY line)
            UNION ALL
            SELECT $1, $2, $3, $4, NULL, line, column_name, NULL, reason
            FROM staging.{csv.Table}_dropped
            """, connection);
        command.Parameters.AddValue(file.FileId);
        command.Parameters.AddValue(file.Partnership);
        command.Parameters.AddValue(file.FileName);
        command.Parameters.AddValue(file.Sha256);
        command.ExecuteNonQuery();
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
