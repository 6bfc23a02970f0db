using Warehouse.Store.DuckDb;

namespace Warehouse.Reports.Packs.Data;

/// <summary>
/// Reads one check run's aggregated results and the reference and load summaries a pack needs.
/// Short parameterised queries beside the code (STYLE.md); every one is bounded by the number of
/// groups, months and reasons, never by the number of consultations.
/// </summary>
internal static class PackDataReader
{
    private const string RunSql = """
        SELECT run_id, partnership, period, consistency_period, window_period, trend_start, data_cut_off, cut_off_given,
               framework_versions, window_days, minimum_cases, decision_working_days, top_level, software_version, finished_at
        FROM analytics.check_runs WHERE run_id = $run_id
        """;

    private const string PartnershipSql = "SELECT name FROM dim.partnership WHERE partnership = $partnership";

    private const string LocalitiesSql = """
        SELECT locality_code, locality_name, area, population_0_17 FROM dim.locality
        WHERE partnership = $partnership ORDER BY locality_name, locality_code
        """;

    private const string AgenciesSql = """
        SELECT agency_code, agency_name, sector FROM dim.agency
        WHERE partnership = $partnership ORDER BY agency_name, agency_code
        """;

    // The level names of the newest framework version the run analysed (versions may rename levels).
    private const string LevelsSql = """
        SELECT l.level_number, l.level_name
        FROM dim.level l
        LEFT JOIN dim.framework_version v ON v.partnership = l.partnership AND v.framework_version = l.framework_version
        WHERE l.partnership = $partnership
          AND (l.framework_version IN (SELECT trim(unnest(string_split($versions, ',')))) OR $versions = '')
        QUALIFY row_number() OVER (PARTITION BY l.level_number ORDER BY v.effective_from DESC NULLS LAST, l.framework_version DESC) = 1
        ORDER BY l.level_number
        """;

    private const string AgreementSql = """
        SELECT comparison, period, grouping, group_value, provisional, cases, agreements, agreement_lower, agreement_upper,
               linear_kappa_status, linear_kappa, linear_kappa_lower, linear_kappa_upper,
               over_count, over_lower, over_upper, under_count, under_lower, under_upper,
               serious_under_count, serious_under_lower, serious_under_upper
        FROM analytics.agreement_results WHERE run_id = $run_id
        ORDER BY comparison, period, grouping, group_value
        """;

    // Matrices are published for the headline comparison, for the partnership and each locality.
    private const string MatricesSql = """
        SELECT comparison, period, grouping, group_value, reference_level, compared_level, count
        FROM analytics.agreement_matrix
        WHERE run_id = $run_id AND comparison = 'recommended_to_actual' AND grouping IN ('partnership', 'locality')
        ORDER BY period, grouping, group_value, reference_level, compared_level
        """;

    private const string NotAssessableSql = """
        SELECT comparison, period, reason, consultations FROM analytics.not_assessable
        WHERE run_id = $run_id ORDER BY comparison, period, reason
        """;

    private const string FunnelsSql = """
        SELECT comparison, measure, period, grouping, target, tau2, note FROM analytics.funnels
        WHERE run_id = $run_id ORDER BY comparison, measure, grouping
        """;

    private const string FunnelFlagsSql = """
        SELECT comparison, measure, grouping, unit, flag FROM analytics.funnel_points
        WHERE run_id = $run_id ORDER BY comparison, measure, grouping, unit
        """;

    private const string MeasuresSql = """
        SELECT period, grouping, group_value, measure, unit, value, lower, upper, numerator, denominator, status, flag, provisional
        FROM analytics.measures WHERE run_id = $run_id AND comparison IS NULL
        ORDER BY measure, period, grouping, group_value
        """;

    private const string WarningsSql = "SELECT code, message, count FROM analytics.run_warnings WHERE run_id = $run_id ORDER BY code";

    // Files seen up to the end of the run, so that a pack rebuilt later from the same run says the same.
    private const string FilesSql = """
        SELECT coalesce(kind, 'unrecognised') AS kind, outcome, count(*)::BIGINT, sum(rows_read)::BIGINT, sum(rows_loaded)::BIGINT,
               sum(rows_rejected)::BIGINT, sum(warnings)::BIGINT, max(loaded_at)
        FROM ops.loaded_files
        WHERE partnership = $partnership AND loaded_at <= $finished_at
        GROUP BY ALL ORDER BY kind, outcome
        """;

    // Values are taken out of the reasons, so that a reason is a kind of problem, never a case:
    // "consultation_date '31/02/2026' is not a date" -> "consultation_date '…' is not a date";
    // "consultation_id 'X' appears 3 times in this file (rows 4, 7, 9)" -> "... '…' appears more than once in this file (rows …)".
    private const string ProblemsSql = """
        WITH files AS (
            SELECT file_id, coalesce(kind, 'unrecognised') AS kind FROM ops.loaded_files
            WHERE partnership = $partnership AND loaded_at <= $finished_at
        )
        SELECT 'rejected row' AS source, f.kind, coalesce(r.column_name, '(whole row)') AS column_name,
               regexp_replace(regexp_replace(regexp_replace(r.reason, '''[^'']*''', '''…''', 'g'), 'appears [0-9]+ times', 'appears more than once', 'g'), '\(rows [^)]*\)', '(rows …)', 'g') AS reason, count(*)::BIGINT
        FROM ops.rejects r JOIN files f USING (file_id)
        GROUP BY ALL
        UNION ALL
        SELECT 'data-quality warning', f.kind, coalesce(w.column_name, '(whole row)'),
               regexp_replace(regexp_replace(regexp_replace(w.reason, '''[^'']*''', '''…''', 'g'), 'appears [0-9]+ times', 'appears more than once', 'g'), '\(rows [^)]*\)', '(rows …)', 'g'), count(*)::BIGINT
        FROM ops.data_quality_warnings w JOIN files f USING (file_id)
        GROUP BY ALL
        ORDER BY 1, 2, 3, 4
        """;

    private const string CoverageSql = """
        SELECT min(coverage_start), max(coverage_end), count(DISTINCT return_id)::BIGINT FROM ops.annex_a_returns
        WHERE partnership = $partnership AND loaded_at <= $finished_at
        """;

    public static PackData Read(DuckDbConnection connection, string runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        var run = Query(connection, RunSql, r => new RunInfo(
            r.GetString(0), r.GetString(1), r.GetFieldValue<DateOnly>(2), NullableDate(r, 3), r.GetFieldValue<DateOnly>(4),
            r.GetFieldValue<DateOnly>(5), r.GetFieldValue<DateOnly>(6), r.GetBoolean(7), r.GetString(8), r.GetInt32(9),
            r.GetInt32(10), r.GetInt32(11), r.GetInt32(12), r.GetString(13), r.GetFieldValue<DateTimeOffset>(14)),
            ("run_id", runId)).SingleOrDefault()
            ?? throw new InvalidOperationException($"There is no check run '{runId}'.");
        cancellationToken.ThrowIfCancellationRequested();

        var partnership = ("partnership", (object?)run.Partnership);
        var finished = ("finished_at", (object?)run.FinishedAt);
        var id = ("run_id", (object?)runId);
        var name = Query(connection, PartnershipSql, r => r.GetString(0), partnership).FirstOrDefault() ?? run.Partnership;
        var localities = Query(connection, LocalitiesSql, r => new LocalityInfo(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetInt64(3)), partnership);
        var agencies = Query(connection, AgenciesSql, r => new AgencyInfo(r.GetString(0), r.GetString(1), r.GetString(2)), partnership);
        var levels = Query(connection, LevelsSql, r => (Level: r.GetInt32(0), Name: r.GetString(1)), partnership, ("versions", run.FrameworkVersions))
            .ToDictionary(l => l.Level, l => l.Name);
        cancellationToken.ThrowIfCancellationRequested();

        var agreement = Query(connection, AgreementSql, r => new AgreementRow(
            r.GetString(0), r.GetFieldValue<DateOnly>(1), r.GetString(2), r.GetString(3), r.GetBoolean(4), r.GetInt64(5), r.GetInt64(6),
            NullableDouble(r, 7), NullableDouble(r, 8), r.GetString(9), NullableDouble(r, 10), NullableDouble(r, 11), NullableDouble(r, 12),
            r.GetInt64(13), NullableDouble(r, 14), NullableDouble(r, 15), r.GetInt64(16), NullableDouble(r, 17), NullableDouble(r, 18),
            r.GetInt64(19), NullableDouble(r, 20), NullableDouble(r, 21)), id);
        var matrices = Query(connection, MatricesSql, r => new MatrixCell(
            r.GetString(0), r.GetFieldValue<DateOnly>(1), r.GetString(2), r.GetString(3), r.GetInt32(4), r.GetInt32(5), r.GetInt64(6)), id);
        var notAssessable = Query(connection, NotAssessableSql, r => new NotAssessableCount(r.GetString(0), r.GetFieldValue<DateOnly>(1), r.GetString(2), r.GetInt64(3)), id);
        var funnels = Query(connection, FunnelsSql, r => new FunnelInfo(
            r.GetString(0), r.GetString(1), r.GetFieldValue<DateOnly>(2), r.GetString(3), NullableDouble(r, 4), r.GetDouble(5), r.GetString(6)), id);
        var flags = Query(connection, FunnelFlagsSql, r => new FunnelUnitFlag(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4)), id);
        cancellationToken.ThrowIfCancellationRequested();

        var measures = Query(connection, MeasuresSql, r => new MeasureValue(
            r.GetFieldValue<DateOnly>(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), NullableDouble(r, 5), NullableDouble(r, 6),
            NullableDouble(r, 7), r.IsDBNull(8) ? null : r.GetInt64(8), r.IsDBNull(9) ? null : r.GetInt64(9), r.GetString(10),
            r.IsDBNull(11) ? null : r.GetString(11), r.GetBoolean(12)), id);
        var warnings = Query(connection, WarningsSql, r => new RunWarning(r.GetString(0), r.GetString(1), r.GetInt64(2)), id);
        var files = Query(connection, FilesSql, r => new FileSummary(
            r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6),
            r.IsDBNull(7) ? null : r.GetFieldValue<DateTimeOffset>(7)), partnership, finished);
        var problems = Query(connection, ProblemsSql, r => new ProblemSummary(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt64(4)), partnership, finished);
        var coverage = Query(connection, CoverageSql, r => new AnnexCoverage(NullableDate(r, 0), NullableDate(r, 1), r.GetInt64(2)), partnership, finished).Single();

        return new PackData(run, name, localities, agencies, levels, agreement, matrices, notAssessable, funnels, flags, measures, warnings, files, problems, coverage);
    }

    internal static List<T> Query<T>(DuckDbConnection connection, string sql, Func<DuckDbDataReader, T> map, params (string Name, object? Value)[] parameters)
    {
        using var command = new DuckDbCommand(sql, connection);
        foreach (var (parameterName, value) in parameters)
        {
            command.Parameters.Add(parameterName, value);
        }

        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    private static double? NullableDouble(DuckDbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);

    private static DateOnly? NullableDate(DuckDbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateOnly>(ordinal);
}
