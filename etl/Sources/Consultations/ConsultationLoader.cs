using Warehouse.Etl.Derivation;
using Warehouse.Etl.Loading;
using Warehouse.Etl.Staging;

namespace Warehouse.Etl.Sources.Consultations;

/// <summary>
/// Loads a front-door consultations CSV (CONTRACT.md section 1): DuckDB's <c>read_csv</c> reads it
/// raw into the in-memory staging database; SQL validates every rule, pseudonymises the child id
/// and degrades the date of birth; the rows that pass replace earlier versions of the same
/// consultations, and every row that fails is kept as a reject — all in one transaction.
/// </summary>
internal static class ConsultationLoader
{
    internal const string Kind = "consultations";

    internal static FileLoadResult Load(LoadContext context, SourceFile file)
    {
        var connection = context.Connection;
        var frameworks = context.Frameworks.Get(file.Partnership);
        var parameters = new Dictionary<string, object?>
        {
            ["partnership"] = file.Partnership,
            ["today"] = context.Today,
            ["file_id"] = file.FileId,
            ["file_name"] = file.FileName,
            ["sha256"] = file.Sha256,
            ["window_days"] = context.Options.ActualLevelWindowDays,
        };
        List<string> unknown = [];
        // Read and typed in one pass: the parse step's table is made straight from read_csv.
        var csv = StepTimings.Measure("consultations: scan, read and parse (step 1 in all)", () => CsvStager.Stage(connection, file.Path, "parsed_rows", source =>
        {
            var columns = CheckHeader(source);
            unknown = source.Columns.Where(c => !ConsultationColumns.All.Contains(ConsultationColumns.Normalise(c))).ToList();
            LookupTables.DefineFrameworkVersionMacro(connection, frameworks);
            IndicatedLevelDeriver.DefineStagedMacro(context, frameworks);
            connection.Execute(BuildSourceSelect(columns, source));
            SqlScript.Run(connection, "Consultations.Sql.1_parse.sql", parameters);
        }));
        if (csv.RowsRead == 0) throw new FileRefusedException("The file has a header but no rows.");
        // Each row with its number as Excel shows it (the reader's rows are numbered only now).
        connection.Execute($"CREATE VIEW staging.versioned AS SELECT {csv.RowNumberExpression} AS source_row, raw_rows.* FROM {csv.FromClause}");
        StepTimings.Measure("consultations: lookup tables", () => LookupTables.BuildLevelMap(connection, frameworks, ["caller_level", "recommended_level", "actual_level"]));
        SqlScript.Run(connection, "Consultations.Sql.2_errors.sql", parameters);
        SqlScript.Run(connection, "Consultations.Sql.3_final.sql", parameters);
        var rowsLoaded = connection.Scalar<long>("SELECT count(*) FROM staging.ok");

        var rowsRejected = connection.Scalar<long>("SELECT count(DISTINCT source_row) FROM staging.errors") + csv.LinesRejected;
        var rowsRead = csv.RowsRead + csv.LinesRejected;

        using var transaction = connection.BeginTransaction();
        CsvStager.RecordCsvRejects(connection, file, csv);
        FileLoadResult result;
        if (rowsRead >= context.Options.RejectMinimumRows && rowsRejected > context.Options.RejectShareLimit * rowsRead)
        {
            SqlScript.Run(connection, "Consultations.Sql.5_rejects.sql", parameters);
            result = new FileLoadResult(file.FileId, file.Partnership, file.FileName, Kind, FileOutcome.Rejected,
                $"{rowsRejected:N0} of {rowsRead:N0} rows ({(double)rowsRejected / rowsRead:P0}) are rejects, more than the {context.Options.RejectShareLimit:P0} allowed; nothing was loaded. The rejects and their reasons are in ops.rejects.",
                rowsRead, 0, rowsRejected, unknown.Count);
        }
        else
        {
            SqlScript.Run(connection, "Consultations.Sql.4_publish.sql", parameters);
            SqlScript.Run(connection, "Consultations.Sql.5_rejects.sql", parameters);
            result = new FileLoadResult(file.FileId, file.Partnership, file.FileName, Kind, FileOutcome.Loaded,
                rowsRejected > 0 ? $"{rowsRejected:N0} row(s) rejected; see ops.rejects" : null,
                rowsRead, rowsLoaded, rowsRejected, unknown.Count);
        }
        foreach (var column in unknown)
        {
            Warnings.Record(connection, file, null, 1, column, null, $"unknown column '{column}' ignored (reported once for the file)");
        }
        Lineage.Record(context, file, result);
        StepTimings.Measure("consultations: commit", transaction.Commit);
        return result;
    }

    /// <summary>The contract's columns by their names in the header; refuses a header that names one twice or lacks a required one.</summary>
    private static Dictionary<string, string> CheckHeader(CsvSource source)
    {
        // A contract column named twice: which copy holds the value is anyone's guess, so neither is used.
        var repeated = source.Header.GroupBy(ConsultationColumns.Normalise, StringComparer.Ordinal)
            .Where(g => g.Count() > 1 && ConsultationColumns.All.Contains(g.Key)).Select(g => g.Key).ToList();
        if (repeated.Count > 0)
        {
            throw new FileRefusedException(
                $"The header names {string.Join(", ", repeated)} more than once; keep one column of each name.");
        }

        var columns = MapHeader(source.Columns);
        var missing = ConsultationColumns.Required.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new FileRefusedException(
                $"The header lacks the required column(s) {string.Join(", ", missing)}; a consultations file needs {string.Join(", ", ConsultationColumns.Required)}.");
        }
        return columns;
    }

    private static Dictionary<string, string> MapHeader(IReadOnlyList<string> header)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in header)
        {
            map.TryAdd(ConsultationColumns.Normalise(name), name);
        }
        return map;
    }

    /// <summary>
    /// One VARCHAR column per contract column, trimmed, blanks as NULL, absent columns as NULL, over
    /// the reader itself. The reader already gives an empty value as NULL; trimming (a third of the
    /// parse step's time) is left out when the scan found no value that begins or ends with a space.
    /// </summary>
    private static string BuildSourceSelect(Dictionary<string, string> columns, CsvSource source)
    {
        var select = ConsultationColumns.All.Select(c => columns.TryGetValue(c, out var actual)
            ? (source.MayHaveEdgeSpaces ? $"nullif(trim({SqlScript.Identifier(actual)}), '') AS {c}" : $"{SqlScript.Identifier(actual)} AS {c}")
            : $"NULL::VARCHAR AS {c}");
        // A view: the parse step reads the file through it, so the file's rows are materialised once, typed.
        return $"CREATE VIEW staging.src AS SELECT {string.Join(", ", select)} FROM {source.ReadExpression}";
    }

}
