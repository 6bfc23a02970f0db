using System.Globalization;
using Warehouse.Etl.Loading;
using Warehouse.Xlsx;
using Warehouse.Etl.Staging;
using Warehouse.Store.DuckDb;

namespace Warehouse.Etl.Sources.AnnexA;

/// <summary>
/// Loads an Annex A return (CONTRACT.md section 2): a workbook with Lists 1–11, or one list as a
/// CSV. Lists 1–7 are read into staging (only the fields the warehouse uses: names and every
/// other column are dropped on read), parsed and pseudonymised by SQL, and published under the
/// return-replacement rule. Lists 8–11 are skipped with a note.
/// </summary>
internal static class AnnexALoader
{
    internal const string WorkbookKind = "annex_a";
    internal const string ListKind = "annex_a_list";

    internal static FileLoadResult LoadWorkbook(LoadContext context, SourceFile file, XlsxReaderOptions readerOptions)
    {
        CreateStagingTable(context.Connection);
        var notes = new List<(string Sheet, string Note)>();
        // A formula with no saved result is told apart from a blank cell, so its reject can say why.
        using (var workbook = XlsxReader.Open(file.Path, readerOptions with { ReportUncalculatedFormulas = true }))
        using (var appender = context.Connection.CreateAppender("annex_rows", "main", "staging"))
        {
            var seen = new HashSet<int>();
            foreach (var sheet in workbook.SheetNames)
            {
                var identified = AnnexALists.FromSheetName(sheet);
                if (identified is null)
                {
                    notes.Add((sheet, $"sheet '{sheet}' is not an Annex A list and was skipped"));
                    continue;
                }
                if (identified.Value.List is not { } list)
                {
                    notes.Add((sheet, $"List {identified.Value.Number} is not used by the warehouse and was skipped"));
                    continue;
                }
                if (!seen.Add(list.Number)) throw new FileRefusedException($"The workbook has List {list.Number} twice (sheet '{sheet}'); send one sheet per list.");
                StageSheet(context.Connection, workbook, sheet, list, appender);
            }
        }
        return Publish(context, file, WorkbookKind, notes);
    }

    internal static FileLoadResult LoadListCsv(LoadContext context, SourceFile file, int listNumber)
    {
        var list = AnnexALists.ByNumber(listNumber)!;
        var csv = CsvStager.Stage(context.Connection, file.Path, "annex_raw");
        var positions = AnnexALists.MapColumns(list, csv.Header);
        RequireColumns(list, positions, csv.Header, $"the CSV of List {list.Number}");
        CreateStagingTable(context.Connection);
        RecordColumnNames(context.Connection, list, positions, csv.Header);
        var select = AnnexAColumns.Staged.Select((field, i) => positions[i] >= 0
            ? $"{SqlScript.Identifier(csv.Columns[positions[i]])} AS {field}"
            : $"NULL::VARCHAR AS {field}");
        context.Connection.Execute($"""
            INSERT INTO staging.annex_rows
            SELECT {list.Number}, 'List {list.Number}', {csv.RowNumberExpression}, {string.Join(", ", select)}
            FROM {csv.FromClause}
            """);
        var result = Publish(context, file, ListKind, [], csv);
        return result;
    }

    private static void CreateStagingTable(DuckDbConnection connection) =>
        connection.Execute($"""
            CREATE OR REPLACE TABLE staging.annex_rows (list_number INTEGER, sheet VARCHAR, source_row BIGINT,
                {string.Join(", ", AnnexAColumns.Staged.Select(c => c + " VARCHAR"))});
            CREATE OR REPLACE TABLE staging.annex_columns (list_number INTEGER, field VARCHAR, column_name VARCHAR);
            """);

    /// <summary>Keeps each list's column names as the file spells them, for the reasons of its rejects and warnings.</summary>
    private static void RecordColumnNames(DuckDbConnection connection, AnnexAList list, int[] positions, IReadOnlyList<string> header)
    {
        for (var f = 0; f < positions.Length; f++)
        {
            if (positions[f] < 0) continue;
            using var command = new DuckDbCommand("INSERT INTO staging.annex_columns VALUES ($1, $2, $3)", connection);
            command.Parameters.AddValue(list.Number);
            command.Parameters.AddValue(AnnexAColumns.Staged[f]);
            command.Parameters.AddValue(header[positions[f]].Replace('\u00A0', ' ').Trim());
            command.ExecuteNonQuery();
        }
    }

    private static void StageSheet(DuckDbConnection connection, XlsxReader workbook, string sheet, AnnexAList list, DuckDbAppender appender)
    {
        int[]? positions = null;
        foreach (var row in workbook.ReadRows(sheet))
        {
            if (row.IsEmpty) continue;
            if (positions is null)
            {
                var header = row.Cells.Select(c => c.ToString()).ToList();
                positions = AnnexALists.MapColumns(list, header);
                RequireColumns(list, positions, header, $"sheet '{sheet}'");
                RecordColumnNames(connection, list, positions, header);
                continue;
            }
            appender.Append(list.Number).Append(sheet).Append((long)row.RowNumber);
            foreach (var position in positions)
            {
                appender.Append(position < 0 ? null : Text(row[position]));
            }
            appender.EndRow();
        }
    }

    private static void RequireColumns(AnnexAList list, int[] positions, IReadOnlyList<string> header, string where)
    {
        var missing = new List<string>();
        if (positions[AnnexAColumns.Staged.ToList().IndexOf(AnnexAColumns.ChildId)] < 0) missing.Add("Child Unique ID");
        if (positions[AnnexAColumns.Staged.ToList().IndexOf(AnnexAColumns.KeyDate)] < 0) missing.Add($"'{list.KeyDateHeaders[0]}'");
        if (missing.Count > 0)
            throw new FileRefusedException($"The header of {where} (List {list.Number}, {list.Name}) lacks {string.Join(" and ", missing)}.");

        // A column the warehouse reads, named twice: which copy holds the data is unknowable.
        foreach (var position in positions.Where(p => p >= 0))
        {
            var name = AnnexAColumns.Normalise(header[position]);
            var copies = header.Select((h, i) => (Name: AnnexAColumns.Normalise(h), Index: i)).Where(h => h.Name == name).Select(h => h.Index).ToList();
            if (copies.Count > 1)
            {
                throw new FileRefusedException(
                    $"The header of {where} (List {list.Number}, {list.Name}) has the column '{header[position].Trim()}' {copies.Count} times (columns {string.Join(" and ", copies.Select(CellReference.ColumnName))}); keep one, so it is clear which holds the data.");
            }
        }
    }

    /// <summary>A cell as staging text: dates as ISO, numbers (Excel serial dates among them) invariant, errors as their code.</summary>
    private static string? Text(XlsxValue value) => value.Kind switch
    {
        XlsxValueKind.Blank => null,
        XlsxValueKind.Number => value.Number.ToString("R", CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static FileLoadResult Publish(LoadContext context, SourceFile file, string kind, List<(string Sheet, string Note)> notes, StagedCsv? csv = null)
    {
        var connection = context.Connection;
        var rows = connection.Scalar<long>("SELECT count(*) FROM staging.annex_rows");
        if (rows == 0) throw new FileRefusedException("The return has headers but no rows in Lists 1–7.");

        var parameters = new Dictionary<string, object?>
        {
            ["partnership"] = file.Partnership,
            ["return_id"] = file.FileId,
            ["file_id"] = file.FileId,
            ["file_name"] = file.FileName,
            ["sha256"] = file.Sha256,
            ["loaded_at"] = context.Now,
            ["today"] = context.Today,
        };
        SqlScript.Run(connection, "AnnexA.Sql.1_parse.sql", parameters);

        // A used list with at least the minimum rows is refused whole when too many rows are rejects.
        using (var shares = new DuckDbCommand("""
            SELECT r.list_number, count(*) AS total, count(e.source_row) AS rejected
            FROM staging.annex_rows r
            LEFT JOIN (SELECT DISTINCT list_number, source_row FROM staging.annex_errors) e USING (list_number, source_row)
            GROUP BY r.list_number ORDER BY r.list_number
            """, connection))
        using (var reader = shares.ExecuteReader())
        {
            while (reader.Read())
            {
                var (list, total, rejected) = (reader.GetInt32(0), reader.GetInt64(1), reader.GetInt64(2));
                if (total >= context.Options.RejectMinimumRows && rejected > context.Options.RejectShareLimit * total)
                {
                    throw new FileRefusedException(
                        $"List {list}: {rejected:N0} of {total:N0} rows ({(double)rejected / total:P0}) cannot be used (no child id or no date), more than the {context.Options.RejectShareLimit:P0} allowed; nothing was loaded.");
                }
            }
        }

        var (start, end) = Coverage(connection);
        parameters["coverage_start"] = start;
        parameters["coverage_end"] = end;
        var loaded = connection.Scalar<long>("SELECT count(*) FROM staging.annex_final");
        var rejectedRows = connection.Scalar<long>("SELECT count(*) FROM (SELECT DISTINCT list_number, source_row FROM staging.annex_errors)") + (csv?.LinesRejected ?? 0);
        var warnings = connection.Scalar<long>("SELECT count(*) FROM staging.annex_warnings") + notes.Count;

        using var transaction = connection.BeginTransaction();
        if (csv is not null) CsvStager.RecordCsvRejects(connection, file, csv);
        SqlScript.Run(connection, "AnnexA.Sql.2_publish.sql", parameters);
        foreach (var (sheet, note) in notes) Warnings.Record(connection, file, sheet, null, null, null, note);
        var result = new FileLoadResult(file.FileId, file.Partnership, file.FileName, kind, FileOutcome.Loaded,
            $"coverage {start:yyyy-MM-dd} to {end:yyyy-MM-dd}" + (rejectedRows > 0 ? $"; {rejectedRows:N0} row(s) rejected, see ops.rejects" : ""),
            rows + (csv?.LinesRejected ?? 0), loaded, rejectedRows, warnings);
        Lineage.Record(context, file, result);
        transaction.Commit();
        return result;
    }

    /// <summary>The span from the earliest to the latest event date across Lists 1–5 (or across whatever lists a CSV holds).</summary>
    private static (DateOnly Start, DateOnly End) Coverage(DuckDbConnection connection)
    {
        using var command = new DuckDbCommand("""
            SELECT coalesce(min(event_date) FILTER (WHERE list_number <= 5), min(event_date)),
                   coalesce(max(event_date) FILTER (WHERE list_number <= 5), max(event_date))
            FROM staging.annex_final
            """, connection);
        using var reader = command.ExecuteReader();
        reader.Read();
        if (reader.IsDBNull(0)) throw new FileRefusedException("No row of Lists 1–7 has both a child id and a readable date; nothing can be loaded.");
        return (reader.GetFieldValue<DateOnly>(0), reader.GetFieldValue<DateOnly>(1));
    }

}
