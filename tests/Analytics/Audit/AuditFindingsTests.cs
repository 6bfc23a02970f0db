using Warehouse.Analytics.Audit;
using Warehouse.Analytics.Tests.TestSupport;
using Warehouse.Store.DuckDb;

namespace Warehouse.Analytics.Tests.Audit;

/// <summary>The findings of an audit against values computed here from the sample, independently of the estimator.</summary>
public sealed class AuditFindingsTests(WarehouseFixture fixture) : IClassFixture<WarehouseFixture>
{
    private const double Z = 1.959963984540054;
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 11, 20, 16, 0, 0, TimeSpan.Zero));

    private DuckDbConnection Connection => fixture.Connection;

    private AuditSample Sample(string code, int size = 36, double moderation = 0.2)
    {
        var partnership = new TestPartnership(Connection, code);
        AuditPopulation.Create(partnership);
        return AuditSampler.Draw(Connection, new AuditSampleRequest
        {
            Partnership = code,
            Month = AuditPopulation.Month,
            Size = size,
            Seed = 99,
            Auditors = ["QA1", "QA2"],
            ModerationShare = moderation,
            CutOff = AuditPopulation.CutOff,
        }, Clock);
    }

    private (int Recommended, int Actual) Levels(string auditId, string consultationId)
    {
        using var command = new DuckDbCommand("SELECT recommended_level, actual_level FROM fact.audit_sample_case WHERE audit_id = $1 AND consultation_id = $2 LIMIT 1", Connection);
        command.Parameters.AddValue(auditId);
        command.Parameters.AddValue(consultationId);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt32(0), reader.GetInt32(1));
    }

    private void Judge(string code, string auditId, string consultationId, string auditor, int level) =>
        Connection.Execute($"INSERT INTO fact.audit_judgement VALUES ('{code}', '{auditId}', '{consultationId}', '{auditor}', {level}, 'A01', DATE '2026-11-10')");

    /// <summary>
    /// The auditors' judgements: the recommended level for most cases, one level higher for every
    /// third case, the actual level for every fifth; the second auditor of a moderated case agrees
    /// with the first except on every other one.
    /// </summary>
    private static int Verdict(AuditCase c, int recommended, int actual) =>
        c.CaseNumber % 5 == 0 ? actual : c.CaseNumber % 3 == 0 ? Math.Min(4, recommended + 1) : recommended;

    [Fact]
    public void Compute_EstimatesTheRightLevelRate_WithDesignWeights_AndAStratifiedInterval()
    {
        var sample = Sample("fnd-all");
        var judged = new List<(AuditCase Case, int Level, int Recommended, int Actual)>();
        foreach (var c in sample.Cases)
        {
            var (recommended, actual) = Levels(sample.AuditId, c.ConsultationId);
            int level = Verdict(c, recommended, actual);
            Judge("fnd-all", sample.AuditId, c.ConsultationId, c.AuditorRef, level);
            if (c.ModeratorRef is { } moderator)
            {
                Judge("fnd-all", sample.AuditId, c.ConsultationId, moderator, c.CaseNumber % 2 == 0 ? level : Math.Max(1, level - 1));
            }

            judged.Add((c, level, recommended, actual));
        }

        var findings = AuditFindings.Compute(Connection, sample.AuditId, Clock);

        // Horvitz–Thompson: Σ y_k / π_k over N; its variance from the design's joint inclusion probabilities.
        double n = sample.Population;
        double total = judged.Sum(j => (j.Level == j.Recommended ? 1 : 0) / j.Case.InclusionProbability);
        double rate = total / n;
        double variance = 0;
        var stratumSizes = sample.Strata.ToDictionary(s => s.Stratum, s => (N: (double)s.Population, n: (double)s.Sampled), StringComparer.Ordinal);
        for (int i = 0; i < judged.Count; i++)
        {
            for (int j = 0; j < judged.Count; j++)
            {
                var (k, l) = (judged[i], judged[j]);
                double pk = k.Case.InclusionProbability;
                double pl = l.Case.InclusionProbability;
                var size = stratumSizes[k.Case.Stratum];
                double pkl = i == j ? pk
                    : k.Case.Stratum == l.Case.Stratum ? size.n * (size.n - 1) / (size.N * (size.N - 1))
                    : pk * pl;
                double yk = k.Level == k.Recommended ? 1 : 0;
                double yl = l.Level == l.Recommended ? 1 : 0;
                variance += (pkl - (pk * pl)) / pkl * (yk / pk) * (yl / pl);
            }
        }

        variance /= n * n;
        double effective = rate * (1 - rate) / variance;
        var (lower, upper) = Wilson(rate, effective);

        var right = findings.RightLevel;
        Assert.Equal(108, right.Population);
        Assert.Equal(sample.Size, right.Judged);
        Assert.Equal(judged.Count(j => j.Level == j.Recommended), right.RightLevelInSample);
        Approx.Within(rate, right.Rate, 1e-12);
        Approx.Within(Math.Sqrt(variance), right.StandardError, 1e-12);
        Approx.Within(lower, right.Lower, 1e-9);
        Approx.Within(upper, right.Upper, 1e-9);
        Approx.Within(rate * 108, right.EstimatedRightLevel, 1e-9);
        Assert.Empty(findings.Notes);
    }

    [Fact]
    public void Compute_GivesSampleKappas_AuditorToRecommendedAndToActual_AndAgreementOnModeratedCases()
    {
        var sample = Sample("fnd-kappa");
        var pairsRecommended = new List<(int, int)>();
        var pairsActual = new List<(int, int)>();
        var pairsModeration = new List<(int, int)>();
        foreach (var c in sample.Cases)
        {
            var (recommended, actual) = Levels(sample.AuditId, c.ConsultationId);
            int level = Verdict(c, recommended, actual);
            Judge("fnd-kappa", sample.AuditId, c.ConsultationId, c.AuditorRef, level);
            pairsRecommended.Add((level, recommended));
            pairsActual.Add((level, actual));
            if (c.ModeratorRef is { } moderator)
            {
                int second = c.CaseNumber % 2 == 0 ? level : Math.Max(1, level - 1);
                Judge("fnd-kappa", sample.AuditId, c.ConsultationId, moderator, second);
                pairsModeration.Add((level, second));
            }
        }

        var findings = AuditFindings.Compute(Connection, sample.AuditId, Clock);

        AssertAgreement(pairsRecommended, findings.AuditedToRecommended);
        AssertAgreement(pairsActual, findings.AuditedToActual);
        AssertAgreement(pairsModeration, findings.Moderation);
        Assert.Equal(AuditComparisons.Moderation, findings.Moderation.Comparison);
        Assert.Equal(sample.Moderated, findings.Moderation.Cases);
    }

    [Fact]
    public void Compute_StoresTheFindings_AndReplacesThemWhenComputedAgain()
    {
        var sample = Sample("fnd-store");
        foreach (var c in sample.Cases.Take(20))
        {
            var (recommended, actual) = Levels(sample.AuditId, c.ConsultationId);
            Judge("fnd-store", sample.AuditId, c.ConsultationId, c.AuditorRef, Verdict(c, recommended, actual));
        }

        var first = AuditFindings.Compute(Connection, sample.AuditId, Clock);
        var again = AuditFindings.Compute(Connection, sample.AuditId, Clock);

        Assert.Equal(first.RightLevel.Rate, again.RightLevel.Rate);
        Assert.Equal(first.RightLevel.Rate, Connection.Scalar<double>(
            "SELECT value FROM analytics.audit_findings WHERE audit_id = $1 AND comparison = 'right_level' AND measure = 'rate' AND stratum IS NULL", sample.AuditId));
        Assert.Equal(1, Connection.Scalar<long>(
            "SELECT count(*) FROM analytics.audit_findings WHERE audit_id = $1 AND comparison = 'right_level' AND measure = 'rate' AND stratum IS NULL", sample.AuditId));
        Assert.Equal(48, Connection.Scalar<long>("SELECT count(*) FROM analytics.audit_findings_matrix WHERE audit_id = $1", sample.AuditId));
        Assert.Equal(first.AuditedToRecommended.LinearKappa.Value, Connection.Scalar<double?>(
            "SELECT value FROM analytics.audit_findings WHERE audit_id = $1 AND comparison = 'audited_to_recommended' AND measure = 'linear_kappa'", sample.AuditId));
        Assert.Equal(first.AuditedToRecommended.Agreement.Count, Connection.Scalar<long>(
            "SELECT numerator FROM analytics.audit_findings WHERE audit_id = $1 AND comparison = 'audited_to_recommended' AND measure = 'agreement'", sample.AuditId));
        Assert.Equal(20, first.RightLevel.Judged);
        Assert.Contains(first.Notes, n => n.Contains("have no judgement yet", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_UsesTheSecondAuditorsJudgement_WhenTheFirstHasNone()
    {
        var sample = Sample("fnd-second");
        var moderated = sample.Cases.First(c => c.IsModerated);
        var (recommended, _) = Levels(sample.AuditId, moderated.ConsultationId);
        Judge("fnd-second", sample.AuditId, moderated.ConsultationId, moderated.ModeratorRef!, recommended);

        var findings = AuditFindings.Compute(Connection, sample.AuditId, Clock);

        Assert.Equal(1, findings.RightLevel.Judged);
        Assert.Equal(1, findings.RightLevel.RightLevelInSample);
        Assert.Equal(0, findings.Moderation.Cases);
        Assert.Equal("not_available", findings.Moderation.LinearKappa.Status);
    }

    [Fact]
    public void Compute_RefusesAnUnknownAudit() =>
        Assert.Throws<InvalidOperationException>(() => AuditFindings.Compute(Connection, "audit-none", Clock));

    private static void AssertAgreement(List<(int Reference, int Compared)> pairs, SampleAgreement agreement)
    {
        int n = pairs.Count;
        Assert.Equal(n, agreement.Cases);
        for (int r = 1; r <= 4; r++)
        {
            for (int c = 1; c <= 4; c++)
            {
                Assert.Equal(pairs.Count(p => p.Reference == r && p.Compared == c), agreement.Matrix[r - 1][c - 1]);
            }
        }

        Assert.Equal(pairs.Count(p => p.Reference == p.Compared), agreement.Agreement.Count);
        Assert.Equal(pairs.Count(p => p.Compared > p.Reference), agreement.Over.Count);
        Assert.Equal(pairs.Count(p => p.Compared < p.Reference), agreement.Under.Count);
        Assert.Equal(pairs.Count(p => p.Reference == 4 && p.Compared <= 2), agreement.SeriousUnder.Count);
        Approx.Within((double)agreement.Agreement.Count / n, agreement.Agreement.Rate, 1e-15);
        var (lower, upper) = Wilson((double)agreement.Agreement.Count / n, n);
        Approx.Within(lower, agreement.Agreement.Lower, 1e-12);
        Approx.Within(upper, agreement.Agreement.Upper, 1e-12);

        // κ = (Po − Pe) / (1 − Pe) with similarity weights 1 − |i − j| / 3 (linear) or 0/1 (unweighted).
        double Kappa(Func<int, int, double> weight)
        {
            double po = pairs.Average(p => weight(p.Reference, p.Compared));
            double pe = 0;
            for (int i = 1; i <= 4; i++)
            {
                for (int j = 1; j <= 4; j++)
                {
                    pe += weight(i, j) * ((double)pairs.Count(p => p.Reference == i) / n) * ((double)pairs.Count(p => p.Compared == j) / n);
                }
            }

            return (po - pe) / (1 - pe);
        }

        Approx.Within(Kappa((i, j) => i == j ? 1 : 0), agreement.Kappa.Value, 1e-12);
        Approx.Within(Kappa((i, j) => 1 - (Math.Abs(i - j) / 3.0)), agreement.LinearKappa.Value, 1e-12);
        Approx.Within(Kappa((i, j) => 1 - ((i - j) * (i - j) / 9.0)), agreement.QuadraticKappa.Value, 1e-12);
        Assert.Equal("available", agreement.LinearKappa.Status);
    }

    private static (double Lower, double Upper) Wilson(double p, double n)
    {
        double centre = (p + (Z * Z / (2 * n))) / (1 + (Z * Z / n));
        double half = Z / (1 + (Z * Z / n)) * Math.Sqrt((p * (1 - p) / n) + (Z * Z / (4 * n * n)));
        return (p == 0 ? 0 : centre - half, p == 1 ? 1 : centre + half);
    }
}
