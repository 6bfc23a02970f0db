using Warehouse.Store.DuckDb;

namespace Warehouse.Reports.Audit;

/// <summary>
/// The audit findings a monthly pack reports: those of the partnership's latest audit of a month up to
/// the pack month, as last computed. A pack built after the findings are computed is therefore "the next
/// pack" to show them, and later packs keep showing them until a newer month is audited.
/// </summary>
internal sealed record AuditPackFindings(string AuditId, DateOnly Period, DateTimeOffset ComputedAt, IReadOnlyList<AuditFindingRow> Rows)
{
    private const string LatestSql = """
        SELECT audit_id, period, max(computed_at) AS computed_at
        FROM analytics.audit_findings
        WHERE partnership = $partnership AND period <= $month
        GROUP BY audit_id, period
        ORDER BY period DESC, computed_at DESC, audit_id DESC
        LIMIT 1
        """;

    private const string RowsSql = """
        SELECT comparison, basis, measure, value, lower, upper, numerator, denominator, status
        FROM analytics.audit_findings
        WHERE audit_id = $audit_id AND stratum IS NULL
        """;

    /// <summary>The findings for the pack of <paramref name="packMonth"/> (its first day), or null when no audit of that month or earlier has findings.</summary>
    public static AuditPackFindings? Read(DuckDbConnection connection, string partnership, DateOnly packMonth)
    {
        ArgumentNullException.ThrowIfNull(connection);
        string auditId;
        DateOnly period;
        DateTimeOffset computedAt;
        using (var command = new DuckDbCommand(LatestSql, connection))
        {
            command.Parameters.Add("partnership", partnership);
            command.Parameters.Add("month", packMonth);
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                return null;
            }

            (auditId, period, computedAt) = (reader.GetString(0), reader.GetFieldValue<DateOnly>(1), reader.GetFieldValue<DateTimeOffset>(2));
        }

        var rows = new List<AuditFindingRow>();
        using (var command = new DuckDbCommand(RowsSql, connection))
        {
            command.Parameters.Add("audit_id", auditId);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                double? Number(int i) => reader.IsDBNull(i) ? null : reader.GetDouble(i);
                long? Whole(int i) => reader.IsDBNull(i) ? null : reader.GetInt64(i);
                rows.Add(new AuditFindingRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), Number(3), Number(4), Number(5), Whole(6), Whole(7), reader.GetString(8)));
            }
        }

        return new AuditPackFindings(auditId, period, computedAt, rows);
    }

    /// <summary>The row for a comparison's measure, or null.</summary>
    public AuditFindingRow? Find(string comparison, string measure) =>
        Rows.FirstOrDefault(r => r.Comparison == comparison && r.Measure == measure);
}
