using Warehouse.Store.DuckDb;

namespace Warehouse.Reports.Audit;

/// <summary>What the audit workbooks need from the warehouse: the sample, the framework's levels, the agencies and each auditor's cases.</summary>
internal sealed record AuditWorkbookData(
    string AuditId,
    string Partnership,
    string PartnershipName,
    DateOnly Period,
    DateOnly DrawnOn,
    bool Blind,
    string FrameworkVersion,
    IReadOnlyList<(int Number, string Code, string Name)> Levels,
    IReadOnlyList<string> Agencies,
    IReadOnlyList<string> Auditors)
{
    private const string SampleSql = """
        SELECT s.partnership, coalesce(p.name, s.partnership), s.period, s.created_at, s.blind
        FROM fact.audit_sample s
        LEFT JOIN dim.partnership p ON p.partnership = s.partnership
        WHERE s.audit_id = $audit_id
        """;

    // The framework version in force at the end of the month audited (the latest one starting by then).
    private const string LevelsSql = """
        WITH version AS (
            SELECT framework_version FROM dim.framework_version
            WHERE partnership = $partnership AND effective_from <= ($period::DATE + INTERVAL 1 MONTH)::DATE - 1
            ORDER BY effective_from DESC LIMIT 1
        )
        SELECT l.framework_version, l.level_number, l.level_code, l.level_name
        FROM dim.level l JOIN version v USING (framework_version)
        WHERE l.partnership = $partnership
        ORDER BY l.level_number
        """;

    // Agencies an auditor can belong to: not an individual (family, self...) and not anonymous or unknown (CIN codes 9, 10).
    private const string AgenciesSql = """
        SELECT agency_code FROM dim.agency
        WHERE partnership = $partnership AND sector <> 'individual' AND cin_source_code NOT IN ('9', '10')
        ORDER BY agency_code
        """;

    private const string AuditorsSql = """
        SELECT auditor_ref FROM fact.audit_sample_case WHERE audit_id = $audit_id GROUP BY auditor_ref ORDER BY auditor_ref
        """;

    // Sighted audits also read the outcome and every level; blind audits never read them.
    private const string CasesSql = """
        WITH cases AS (
            SELECT s.case_number, s.partnership, s.consultation_id, s.recommended_level, s.actual_level, s.actual_source, c.framework_version
            FROM fact.audit_sample_case s
            JOIN fact.consultation c ON c.partnership = s.partnership AND c.consultation_id = s.consultation_id
            WHERE s.audit_id = $audit_id AND s.auditor_ref = $auditor
        ), indicators AS (
            SELECT k.consultation_id, string_agg(coalesce(i.wording, ci.indicator_code), '; ' ORDER BY ci.indicator_code) AS wording
            FROM cases k
            JOIN fact.consultation_indicator ci ON ci.partnership = k.partnership AND ci.consultation_id = k.consultation_id
            LEFT JOIN dim.indicator i
                   ON i.partnership = k.partnership AND i.framework_version = k.framework_version AND i.indicator_code = ci.indicator_code
            GROUP BY k.consultation_id
        )
        SELECT s.case_number, s.consultation_id, c.child_key, c.consultation_date, c.decision_date,
               coalesce(l.locality_name || ' (' || c.locality || ')', c.locality),
               coalesce(g.agency_name || ' (' || c.caller_agency || ')', c.caller_agency),
               coalesce(x.wording, ''),
               c.likelihood, c.seriousness
               /*sighted*/
        FROM cases s
        JOIN fact.consultation c ON c.partnership = s.partnership AND c.consultation_id = s.consultation_id
        LEFT JOIN indicators x ON x.consultation_id = s.consultation_id
        LEFT JOIN dim.locality l ON l.partnership = c.partnership AND l.locality_code = c.locality
        LEFT JOIN dim.agency g ON g.partnership = c.partnership AND g.agency_code = c.caller_agency
        /*sighted joins*/
        ORDER BY s.case_number
        """;

    private const string SightedColumns = """
        , coalesce(o.label, c.outcome),
               rl.level_name, il.level_name, al.level_name,
               CASE s.actual_source WHEN 'recorded' THEN 'Recorded in the source' WHEN 'annex_a' THEN 'Annex A' ELSE s.actual_source END
        """;

    private const string SightedJoins = """
        LEFT JOIN dim.outcome o ON o.partnership = c.partnership AND o.framework_version = c.framework_version AND o.outcome_code = c.outcome
        LEFT JOIN dim.level rl ON rl.partnership = c.partnership AND rl.framework_version = c.framework_version AND rl.level_number = s.recommended_level
        LEFT JOIN dim.level il ON il.partnership = c.partnership AND il.framework_version = c.framework_version AND il.level_number = c.indicated_level
        LEFT JOIN dim.level al ON al.partnership = c.partnership AND al.framework_version = c.framework_version AND al.level_number = s.actual_level
        """;

    public static AuditWorkbookData Read(DuckDbConnection connection, string auditId)
    {
        string partnership;
        string name;
        DateOnly period;
        DateOnly drawn;
        bool blind;
        using (var command = new DuckDbCommand(SampleSql, connection))
        {
            command.Parameters.Add("audit_id", auditId);
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                throw new InvalidOperationException($"There is no audit '{auditId}' in this warehouse (fact.audit_sample).");
            }

            (partnership, name, period) = (reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateOnly>(2));
            drawn = DateOnly.FromDateTime(reader.GetFieldValue<DateTimeOffset>(3).UtcDateTime);
            blind = reader.GetBoolean(4);
        }

        var levels = new List<(int, string, string)>();
        string version = string.Empty;
        using (var command = new DuckDbCommand(LevelsSql, connection))
        {
            command.Parameters.Add("partnership", partnership);
            command.Parameters.Add("period", period);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                version = reader.GetString(0);
                levels.Add((reader.GetInt32(1), reader.GetString(2), reader.GetString(3)));
            }
        }

        if (levels.Count == 0)
        {
            throw new InvalidOperationException($"The warehouse has no framework levels for '{partnership}' (dim.level): load the framework before writing audit workbooks.");
        }

        var agencies = Strings(connection, AgenciesSql, ("partnership", partnership));
        var auditors = Strings(connection, AuditorsSql, ("audit_id", auditId));
        return new AuditWorkbookData(auditId, partnership, name, period, drawn, blind, version, levels, agencies, auditors);
    }

    /// <summary>The cases of one auditor in case-number order, streamed while the sheet is written.</summary>
    public IEnumerable<AuditWorkbookCase> Cases(DuckDbConnection connection, string auditor)
    {
        var sql = CasesSql
            .Replace("/*sighted*/", Blind ? string.Empty : SightedColumns, StringComparison.Ordinal)
            .Replace("/*sighted joins*/", Blind ? string.Empty : SightedJoins, StringComparison.Ordinal);
        using var command = new DuckDbCommand(sql, connection);
        command.Parameters.Add("audit_id", AuditId);
        command.Parameters.Add("auditor", auditor);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            string? Text(int ordinal) => Blind || reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
            yield return new AuditWorkbookCase(
                reader.GetInt32(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetFieldValue<DateOnly>(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateOnly>(4),
                reader.GetString(5),
                reader.GetString(6),
                reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetInt32(8),
                reader.IsDBNull(9) ? null : reader.GetInt32(9),
                Text(10),
                Text(11),
                Text(12),
                Text(13),
                Text(14));
        }
    }

    /// <summary>How many cases the auditor has.</summary>
    public long CaseCount(DuckDbConnection connection, string auditor) =>
        connection.Scalar<long>("SELECT count(*) FROM fact.audit_sample_case WHERE audit_id = $1 AND auditor_ref = $2", AuditId, auditor);

    private static List<string> Strings(DuckDbConnection connection, string sql, (string Name, object Value) parameter)
    {
        using var command = new DuckDbCommand(sql, connection);
        command.Parameters.Add(parameter.Name, parameter.Value);
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
