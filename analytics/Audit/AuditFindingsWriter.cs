using Warehouse.Analytics.Statistics;
using Warehouse.Store.DuckDb;

namespace Warehouse.Analytics.Audit;

/// <summary>Stores an audit's findings, replacing any computed before, in one transaction.</summary>
internal static class AuditFindingsWriter
{
    private const string Available = "available";
    private const string NotApplicable = "not_applicable";
    private const string NotAvailable = "not_available";

    private const string RowsTable = """
        CREATE OR REPLACE TEMP TABLE aud_finding_rows (
            comparison VARCHAR, basis VARCHAR, stratum VARCHAR, measure VARCHAR, value DOUBLE, lower DOUBLE, upper DOUBLE,
            standard_error DOUBLE, z DOUBLE, p_value DOUBLE, numerator BIGINT, denominator BIGINT, status VARCHAR, note VARCHAR)
        """;

    private const string Publish = """
        DELETE FROM analytics.audit_findings WHERE audit_id = $audit_id;
        DELETE FROM analytics.audit_findings_matrix WHERE audit_id = $audit_id;
        INSERT INTO analytics.audit_findings
        SELECT $audit_id, $partnership, $period, $computed_at, r.* FROM aud_finding_rows r;
        DROP TABLE aud_finding_rows;
        """;

    public static void Write(DuckDbConnection connection, AuditFindingsResult findings)
    {
        connection.Execute(RowsTable);
        using (var appender = connection.CreateAppender("aud_finding_rows", "main", "temp"))
        {
            RightLevel(appender, findings.RightLevel, findings.Notes);
            foreach (var agreement in new[] { findings.AuditedToRecommended, findings.AuditedToActual, findings.Moderation })
            {
                Agreement(appender, agreement);
            }
        }

        using var transaction = connection.BeginTransaction();
        using (var command = new DuckDbCommand(Publish, connection))
        {
            command.Parameters.Add("audit_id", findings.AuditId);
            command.Parameters.Add("partnership", findings.Partnership);
            command.Parameters.Add("period", findings.Period);
            command.Parameters.Add("computed_at", findings.ComputedAt);
            command.ExecuteNonQuery();
        }

        using (var appender = connection.CreateAppender("audit_findings_matrix", "analytics"))
        {
            foreach (var agreement in new[] { findings.AuditedToRecommended, findings.AuditedToActual, findings.Moderation })
            {
                for (int reference = 0; reference < agreement.Matrix.Count; reference++)
                {
                    for (int compared = 0; compared < agreement.Matrix[reference].Count; compared++)
                    {
                        appender.AppendRow(findings.AuditId, agreement.Comparison, reference + 1, compared + 1, agreement.Matrix[reference][compared]);
                    }
                }
            }
        }

        transaction.Commit();
    }

    private static void RightLevel(DuckDbAppender appender, RightLevelEstimate estimate, IReadOnlyList<string> notes)
    {
        const string comparison = AuditComparisons.RightLevel;
        const string basis = AuditComparisons.DesignWeighted;
        var status = estimate.Rate is null ? NotAvailable : Available;
        Row(appender, comparison, basis, null, "rate", estimate.Rate, estimate.Lower, estimate.Upper, estimate.StandardError, null, null,
            estimate.RightLevelInSample, estimate.Judged, status, notes.Count > 0 ? string.Join(" ", notes) : null);
        Count(appender, comparison, basis, null, "population", estimate.Population);
        Count(appender, comparison, basis, null, "covered_population", estimate.CoveredPopulation);
        Count(appender, comparison, basis, null, "sampled", estimate.Sampled);
        Count(appender, comparison, basis, null, "judged", estimate.Judged);
        Count(appender, comparison, basis, null, "right_level_in_sample", estimate.RightLevelInSample);
        Value(appender, comparison, basis, null, "estimated_right_level", estimate.EstimatedRightLevel);
        Value(appender, comparison, basis, null, "effective_sample_size", estimate.EffectiveSampleSize);
        Value(appender, comparison, basis, null, "design_effect", estimate.DesignEffect);
        foreach (var s in estimate.Strata)
        {
            Row(appender, comparison, basis, s.Stratum, "rate", s.Rate, null, null, null, null, null, s.RightLevel, s.Judged, s.Rate is null ? NotAvailable : Available, null);
            Count(appender, comparison, basis, s.Stratum, "population", s.Population);
            Count(appender, comparison, basis, s.Stratum, "sampled", s.Sampled);
            Count(appender, comparison, basis, s.Stratum, "judged", s.Judged);
            Value(appender, comparison, basis, s.Stratum, "weight", s.Weight);
        }
    }

    private static void Agreement(DuckDbAppender appender, SampleAgreement agreement)
    {
        const string basis = AuditComparisons.Sample;
        var comparison = agreement.Comparison;
        Count(appender, comparison, basis, null, "cases", agreement.Cases);
        Rate(appender, comparison, "agreement", agreement.Agreement);
        Kappa(appender, comparison, "kappa", agreement.Kappa);
        Kappa(appender, comparison, "linear_kappa", agreement.LinearKappa);
        Kappa(appender, comparison, "quadratic_kappa", agreement.QuadraticKappa);
        Rate(appender, comparison, "over", agreement.Over);
        Rate(appender, comparison, "under", agreement.Under);
        Rate(appender, comparison, "serious_under", agreement.SeriousUnder);
    }

    private static void Rate(DuckDbAppender appender, string comparison, string measure, SampleRate rate) =>
        Row(appender, comparison, AuditComparisons.Sample, null, measure, rate.Rate, rate.Lower, rate.Upper, null, null, null, rate.Count, rate.Total,
            rate.Rate is null ? NotAvailable : Available, null);

    private static void Kappa(DuckDbAppender appender, string comparison, string measure, SampleKappa kappa) =>
        Row(appender, comparison, AuditComparisons.Sample, null, measure, kappa.Value, kappa.Lower, kappa.Upper, kappa.StandardError, kappa.Z, kappa.PValue,
            null, null, kappa.Status, null);

    private static void Count(DuckDbAppender appender, string comparison, string basis, string? stratum, string measure, long count) =>
        Row(appender, comparison, basis, stratum, measure, count, null, null, null, null, null, count, null, Available, null);

    private static void Value(DuckDbAppender appender, string comparison, string basis, string? stratum, string measure, double? value) =>
        Row(appender, comparison, basis, stratum, measure, value, null, null, null, null, null, null, null, value is null ? NotAvailable : Available, null);

    private static void Row(DuckDbAppender appender, string comparison, string basis, string? stratum, string measure, double? value, double? lower, double? upper,
        double? standardError, double? z, double? pValue, long? numerator, long? denominator, string status, string? note) =>
        appender.AppendRow(comparison, basis, stratum, measure, value, lower, upper, standardError, z, pValue, numerator, denominator, status, note);

    /// <summary>The status column's value for a statistic's status.</summary>
    public static string StatusOf(EstimateStatus status) => status switch
    {
        EstimateStatus.Available => Available,
        EstimateStatus.NotApplicable => NotApplicable,
        _ => NotAvailable,
    };
}
