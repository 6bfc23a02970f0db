using Warehouse.Etl.Inbox;
using Warehouse.Etl.Loading;
using Warehouse.Etl.Staging;

namespace Warehouse.Etl.Sources.Reference;

/// <summary>
/// Loads reference data a partnership drops in its inbox (CONTRACT.md section 4): localities,
/// agencies, bank holidays, national comparators. A reference file replaces its dimension
/// whole, so any bad row refuses the whole file (a half-replaced dimension would mislead).
/// </summary>
internal static class ReferenceLoader
{
    private sealed record Spec(string[] Required, string ErrorsSql, string PublishSql);

    private const string ValidSources = "['1A','1B','1C','1D','2A','2B','3A','3B','3C','3D','3E','3F','4','5A','5B','5C','5D','6','7','8','9','10']";

    private static readonly Dictionary<FileKind, Spec> Specs = new()
    {
        [FileKind.Localities] = new(
            ["locality_code", "locality_name", "area", "population_0_17"],
            """
            SELECT source_row, 'locality_code', locality_code, 'locality_code is blank' FROM staging.ref WHERE locality_code IS NULL
            UNION ALL SELECT source_row, 'locality_code', locality_code, 'locality_code ''' || locality_code || ''' appears more than once'
                FROM staging.ref WHERE locality_code IN (SELECT locality_code FROM staging.ref GROUP BY ALL HAVING count(*) > 1)
            UNION ALL SELECT source_row, 'locality_name', locality_name, 'locality_name is blank' FROM staging.ref WHERE locality_name IS NULL
            UNION ALL SELECT source_row, 'area', area, 'area is blank' FROM staging.ref WHERE area IS NULL
            UNION ALL SELECT source_row, 'population_0_17', population_0_17, 'population_0_17 ''' || coalesce(population_0_17, '') || ''' is not a whole number of children'
                FROM staging.ref WHERE try_cast(population_0_17 AS BIGINT) IS NULL OR try_cast(population_0_17 AS BIGINT) < 0
            """,
            """
            DELETE FROM dim.locality WHERE partnership = $partnership;
            INSERT INTO dim.locality SELECT $partnership, upper(locality_code), locality_name, area, population_0_17::BIGINT FROM staging.ref;
            """),
        [FileKind.Agencies] = new(
            ["agency_code", "agency_name", "sector", "cin_source_code"],
            $"""
            SELECT source_row, 'agency_code', agency_code, 'agency_code is blank' FROM staging.ref WHERE agency_code IS NULL
            UNION ALL SELECT source_row, 'agency_code', agency_code, 'agency_code ''' || agency_code || ''' appears more than once'
                FROM staging.ref WHERE agency_code IN (SELECT agency_code FROM staging.ref GROUP BY ALL HAVING count(*) > 1)
            UNION ALL SELECT source_row, 'agency_name', agency_name, 'agency_name is blank' FROM staging.ref WHERE agency_name IS NULL
            UNION ALL SELECT source_row, 'sector', sector, 'sector ''' || coalesce(sector, '') || ''' is not police, health, education, local_authority, voluntary, individual or other'
                FROM staging.ref WHERE coalesce(lower(sector), '') NOT IN ('police','health','education','local_authority','voluntary','individual','other')
            UNION ALL SELECT source_row, 'cin_source_code', cin_source_code, 'cin_source_code ''' || coalesce(cin_source_code, '') || ''' is not a CIN referral source code'
                FROM staging.ref WHERE coalesce(upper(cin_source_code), '') NOT IN (SELECT unnest({ValidSources}))
            """,
            """
            DELETE FROM dim.agency WHERE partnership = $partnership;
            INSERT INTO dim.agency SELECT $partnership, upper(agency_code), agency_name, lower(sector), upper(cin_source_code) FROM staging.ref;
            """),
        [FileKind.BankHolidays] = new(
            ["date", "name"],
            """
            SELECT source_row, 'date', date, 'date ''' || coalesce(date, '') || ''' is not a date (YYYY-MM-DD)' FROM staging.ref WHERE try_cast(date AS DATE) IS NULL
            UNION ALL SELECT source_row, 'name', name, 'name is blank' FROM staging.ref WHERE name IS NULL
            UNION ALL SELECT source_row, 'date', date, 'date ''' || date || ''' appears more than once'
                FROM staging.ref WHERE date IN (SELECT date FROM staging.ref GROUP BY ALL HAVING count(*) > 1)
            """,
            """
            DELETE FROM dim.bank_holiday;
            INSERT INTO dim.bank_holiday SELECT date::DATE, name FROM staging.ref;
            UPDATE dim.calendar c SET
                is_bank_holiday = (c.day IN (SELECT holiday_date FROM dim.bank_holiday)),
                holidays_known  = c.year BETWEEN (SELECT min(year(holiday_date)) FROM dim.bank_holiday)
                                             AND (SELECT max(year(holiday_date)) FROM dim.bank_holiday),
                is_working_day  = NOT c.is_weekend AND c.day NOT IN (SELECT holiday_date FROM dim.bank_holiday);
            """),
        [FileKind.NationalComparators] = new(
            ["year_ending", "measure", "value", "unit", "source"],
            """
            SELECT source_row, 'year_ending', year_ending, 'year_ending ''' || coalesce(year_ending, '') || ''' is not a date (YYYY-MM-DD)' FROM staging.ref WHERE try_cast(year_ending AS DATE) IS NULL
            UNION ALL SELECT source_row, 'measure', measure, 'measure is blank' FROM staging.ref WHERE measure IS NULL
            UNION ALL SELECT source_row, 'value', value, 'value ''' || coalesce(value, '') || ''' is not a number' FROM staging.ref WHERE try_cast(value AS DOUBLE) IS NULL
            UNION ALL SELECT source_row, 'unit', unit, 'unit is blank' FROM staging.ref WHERE unit IS NULL
            UNION ALL SELECT source_row, 'source', source, 'source is blank: say where the figure was published' FROM staging.ref WHERE source IS NULL
            """,
            """
            DELETE FROM dim.national_comparator;
            INSERT INTO dim.national_comparator SELECT year_ending::DATE, measure, value::DOUBLE, unit, source FROM staging.ref;
            """),
    };

    internal static FileLoadResult Load(LoadContext context, SourceFile file, Recognition recognition)
    {
        var spec = Specs[recognition.Kind];
        var connection = context.Connection;
        var csv = CsvStager.Stage(connection, file.Path, "ref_raw");
        // Two columns with one name (" area" and "area"): which holds the data is unknowable.
        var twice = csv.Header.Select((h, i) => (Name: h.Trim().ToLowerInvariant(), Index: i))
            .GroupBy(h => h.Name, StringComparer.Ordinal)
            .FirstOrDefault(g => spec.Required.Contains(g.Key) && g.Count() > 1);
        if (twice is not null)
        {
            throw new FileRefusedException(
                $"The header has the column '{twice.Key}' {twice.Count()} times (columns {string.Join(" and ", twice.Select(h => Warehouse.Xlsx.CellReference.ColumnName(h.Index)))}); keep one, so it is clear which holds the data.");
        }
        var header = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < csv.Columns.Count; i++) header.TryAdd(csv.Header[i].Trim().ToLowerInvariant(), csv.Columns[i]);
        var missing = spec.Required.Where(c => !header.ContainsKey(c)).ToList();
        if (missing.Count > 0) throw new FileRefusedException($"The header lacks the required column(s) {string.Join(", ", missing)}.");
        if (csv.RowsRead == 0) throw new FileRefusedException("The file has a header but no rows.");

        var columns = string.Join(", ", spec.Required.Select(c => $"nullif(trim({SqlScript.Identifier(header[c])}), '') AS {c}"));
        connection.Execute($"CREATE OR REPLACE TABLE staging.ref AS SELECT {csv.RowNumberExpression} AS source_row, {columns} FROM {csv.FromClause}");
        connection.Execute($"CREATE OR REPLACE TABLE staging.ref_errors AS {spec.ErrorsSql}");
        var rejected = connection.Scalar<long>("SELECT count(DISTINCT source_row) FROM staging.ref_errors") + csv.LinesRejected;

        var parameters = new Dictionary<string, object?>
        {
            ["partnership"] = file.Partnership,
            ["file_id"] = file.FileId,
            ["file_name"] = file.FileName,
            ["sha256"] = file.Sha256,
        };
        using var transaction = connection.BeginTransaction();
        CsvStager.RecordCsvRejects(connection, file, csv);
        SqlScript.Execute(connection, """
            INSERT INTO ops.rejects SELECT $file_id, $partnership, $file_name, $sha256, NULL, e.* FROM staging.ref_errors e
            """, parameters);
        var rows = csv.RowsRead + csv.LinesRejected;
        FileLoadResult result;
        if (rejected > 0)
        {
            result = new FileLoadResult(file.FileId, file.Partnership, file.FileName, recognition.KindCode, FileOutcome.Rejected,
                $"{rejected:N0} row(s) are not valid reference data; a reference file replaces its table whole, so nothing was loaded (see ops.rejects)",
                rows, 0, rejected, 0);
        }
        else
        {
            SqlScript.Execute(connection, spec.PublishSql, parameters);
            result = new FileLoadResult(file.FileId, file.Partnership, file.FileName, recognition.KindCode, FileOutcome.Loaded, null, rows, csv.RowsRead, 0, 0);
        }
        Lineage.Record(context, file, result);
        transaction.Commit();
        return result;
    }
}
