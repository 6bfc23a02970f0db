using System.Globalization;
using Warehouse.Analytics.Statistics;
using Warehouse.Store.DuckDb;

namespace Warehouse.Analytics.Audit;

/// <summary>
/// The findings of a threshold audit (<c>warehouse audit findings</c>), from its sample and the
/// judgements loaded from the auditors' workbooks: the month's right-level rate with design weights
/// and a stratified interval, auditor → recommended and auditor → actual agreement in the sample,
/// and agreement between the two auditors of the moderated cases. docs/audit.md gives the formulas.
/// </summary>
public static class AuditFindings
{
    /// <summary>The framework's number of levels: every matrix is 4×4, whatever the sample holds.</summary>
    private const int Levels = 4;

    private const string SampleSql = "SELECT partnership, period FROM fact.audit_sample WHERE audit_id = $audit_id";

    private const string StrataSql = """
        SELECT stratum, population, sampled FROM fact.audit_sample_stratum WHERE audit_id = $audit_id ORDER BY stratum
        """;

    // Each auditor's latest judgement of each case; a level outside the framework's four is ignored
    // (the import refuses such levels; this keeps the findings whole if one ever gets through).
    private const string CasesSql = """
        WITH judgements AS (
            SELECT consultation_id, auditor_ref, auditor_level
            FROM fact.audit_judgement
            WHERE audit_id = $audit_id AND auditor_level BETWEEN 1 AND 4
            QUALIFY row_number() OVER (PARTITION BY consultation_id, auditor_ref ORDER BY audit_date DESC) = 1
        )
        SELECT c.consultation_id, c.stratum, c.recommended_level, c.actual_level,
               j1.auditor_level, m.auditor_ref, j2.auditor_level
        FROM fact.audit_sample_case c
        LEFT JOIN fact.audit_sample_case m
               ON m.audit_id = c.audit_id AND m.consultation_id = c.consultation_id AND m.moderation
        LEFT JOIN judgements j1 ON j1.consultation_id = c.consultation_id AND j1.auditor_ref = c.auditor_ref
        LEFT JOIN judgements j2 ON j2.consultation_id = c.consultation_id AND j2.auditor_ref = m.auditor_ref
        WHERE c.audit_id = $audit_id AND NOT c.moderation
        ORDER BY c.case_number
        """;

    /// <summary>
    /// Computes the findings of an audit and stores them in <c>analytics.audit_findings</c> and
    /// <c>analytics.audit_findings_matrix</c>, replacing any computed before (one transaction).
    /// </summary>
    /// <param name="connection">The warehouse: open, at the current schema version, no transaction in progress.</param>
    /// <param name="auditId">The audit (<see cref="AuditSample.AuditId"/>).</param>
    /// <param name="timeProvider">The clock for the time the findings were computed.</param>
    /// <param name="cancellationToken">Stops before the findings are stored.</param>
    /// <returns>The findings.</returns>
    /// <exception cref="InvalidOperationException">There is no such audit.</exception>
    public static AuditFindingsResult Compute(DuckDbConnection connection, string auditId, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrWhiteSpace(auditId);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var findings = Read(connection, auditId, timeProvider.GetUtcNow());
        cancellationToken.ThrowIfCancellationRequested();
        AuditFindingsWriter.Write(connection, findings);
        return findings;
    }

    private static AuditFindingsResult Read(DuckDbConnection connection, string auditId, DateTimeOffset computedAt)
    {
        string partnership;
        DateOnly period;
        using (var command = new DuckDbCommand(SampleSql, connection))
        {
            command.Parameters.Add("audit_id", auditId);
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                throw new InvalidOperationException($"There is no audit '{auditId}' in this warehouse (fact.audit_sample).");
            }

            (partnership, period) = (reader.GetString(0), reader.GetFieldValue<DateOnly>(1));
        }

        var strata = new List<(string Stratum, long Population, int Sampled)>();
        using (var command = new DuckDbCommand(StrataSql, connection))
        {
            command.Parameters.Add("audit_id", auditId);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                strata.Add((reader.GetString(0), reader.GetInt64(1), reader.GetInt32(2)));
            }
        }

        var cases = new List<AuditCaseFinding>();
        using (var command = new DuckDbCommand(CasesSql, connection))
        {
            command.Parameters.Add("audit_id", auditId);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                cases.Add(new AuditCaseFinding(
                    reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3),
                    reader.IsDBNull(4) ? null : reader.GetInt32(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5),
                    reader.IsDBNull(6) ? null : reader.GetInt32(6)));
            }
        }

        var notes = new List<string>();
        var rightLevel = RightLevel(strata, cases, notes);
        var judged = cases.Where(c => c.JudgedLevel is not null).ToList();
        var toRecommended = Agreement(AuditComparisons.AuditedToRecommended, judged.Select(c => (c.JudgedLevel!.Value, c.RecommendedLevel)));
        var toActual = Agreement(AuditComparisons.AuditedToActual, judged.Select(c => (c.JudgedLevel!.Value, c.ActualLevel)));
        var moderated = cases.Where(c => c.SecondAuditor is not null).ToList();
        var pairs = moderated.Where(c => c.FirstLevel is not null && c.SecondLevel is not null).Select(c => (c.FirstLevel!.Value, c.SecondLevel!.Value)).ToList();
        if (moderated.Count > pairs.Count)
        {
            notes.Add(Text($"{moderated.Count - pairs.Count} of the {moderated.Count} moderated case(s) lack one of their two judgements: auditor agreement uses the {pairs.Count} judged by both."));
        }

        var moderation = Agreement(AuditComparisons.Moderation, pairs);
        return new AuditFindingsResult(auditId, partnership, period, computedAt, rightLevel, toRecommended, toActual, moderation, notes);
    }

    private static RightLevelEstimate RightLevel(List<(string Stratum, long Population, int Sampled)> strata, List<AuditCaseFinding> cases, List<string> notes)
    {
        var byStratum = cases.ToLookup(c => c.Stratum, StringComparer.Ordinal);
        var observations = strata.Select(s =>
        {
            var judged = byStratum[s.Stratum].Where(c => c.JudgedLevel is not null).ToList();
            return new StratumObservation(s.Stratum, s.Population, s.Sampled, judged.Count, judged.Count(c => c.JudgedLevel == c.RecommendedLevel));
        }).ToList();
        var estimate = StratifiedProportion.Estimate(observations);

        int sampled = cases.Count;
        int judgedCount = estimate.Judged;
        if (judgedCount < sampled)
        {
            notes.Add(Text($"{sampled - judgedCount} of the {sampled} sampled case(s) have no judgement yet: within each stratum the judged cases stand for the rest (weights N_h / m_h)."));
        }

        if (estimate.UncoveredStrata.Count > 0)
        {
            notes.Add(Text($"Stratum(s) with no judged case, left out of the estimate: {string.Join(", ", estimate.UncoveredStrata)}. The estimate describes {estimate.CoveredPopulation} of the {strata.Sum(s => s.Population)} assessable consultations."));
        }

        if (estimate.LonelyStrata.Count > 0)
        {
            notes.Add(Text($"Stratum(s) with a single judged case of several, given the largest possible variance (0.25): {string.Join(", ", estimate.LonelyStrata)}."));
        }

        return new RightLevelEstimate(
            strata.Sum(s => s.Population),
            estimate.CoveredPopulation,
            sampled,
            judgedCount,
            estimate.Successes,
            estimate.Proportion,
            estimate.StandardError,
            estimate.Interval?.Lower,
            estimate.Interval?.Upper,
            estimate.EffectiveSampleSize,
            estimate.DesignEffect,
            observations.Select(o => new StratumEstimate(
                o.Stratum, o.Population, o.Sampled, o.Judged, o.Successes,
                o.Judged > 0 ? (double)o.Successes / o.Judged : null,
                o.Judged > 0 ? (double)o.Population / o.Judged : null)).ToList());
    }

    private static SampleAgreement Agreement(string comparison, IEnumerable<(int Reference, int Compared)> pairs)
    {
        var matrix = AgreementMatrix.FromPairs(Levels, pairs.Select(p => (p.Reference - 1, p.Compared - 1)));
        var result = AgreementStatistics.Compute(matrix);
        var rows = Enumerable.Range(0, Levels)
            .Select(r => (IReadOnlyList<long>)Enumerable.Range(0, Levels).Select(c => matrix[r, c]).ToList())
            .ToList();
        return new SampleAgreement(
            comparison,
            rows,
            Rate(result.Agreement),
            Kappa(result.Unweighted),
            Kappa(result.Linear),
            Kappa(result.Quadratic),
            Rate(result.Over),
            Rate(result.Under),
            Rate(result.SeriousUnder!));
    }

    private static SampleRate Rate(ProportionEstimate estimate) =>
        new(estimate.Count, estimate.Total, estimate.Proportion, estimate.Interval?.Lower, estimate.Interval?.Upper);

    private static SampleKappa Kappa(KappaEstimate kappa) =>
        new(AuditFindingsWriter.StatusOf(kappa.Status), kappa.Kappa, kappa.StandardError, kappa.Interval?.Lower, kappa.Interval?.Upper,
            kappa.NullStandardError, kappa.Z, kappa.PValue);

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
