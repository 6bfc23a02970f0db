using System.Text.Json;
using Warehouse.Analytics.Audit;
using Warehouse.Analytics.Tests.TestSupport;
using Warehouse.Store.DuckDb;

namespace Warehouse.Analytics.Tests.Audit;

public sealed class AuditSamplerTests(WarehouseFixture fixture) : IClassFixture<WarehouseFixture>
{
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero));

    private DuckDbConnection Connection => fixture.Connection;

    private (TestPartnership Partnership, Dictionary<string, (string Locality, string Category, int Recommended, int Actual)> Population) Setup(string code)
    {
        var partnership = new TestPartnership(Connection, code);
        return (partnership, AuditPopulation.Create(partnership));
    }

    private static AuditSampleRequest Request(string code, long seed = 7, int size = 30, IReadOnlyList<string>? auditors = null) => new()
    {
        Partnership = code,
        Month = AuditPopulation.Month,
        Size = size,
        Seed = seed,
        Auditors = auditors ?? ["QA1", "QA2", "QA3"],
        CutOff = AuditPopulation.CutOff,
    };

    [Fact]
    public void Draw_SamplesOnlyAssessableConsultations_IncludingEverySeriousUnderResponse()
    {
        var (_, population) = Setup("aud-pop");

        var sample = AuditSampler.Draw(Connection, Request("aud-pop"), Clock);

        Assert.Equal(108, sample.Population);
        Assert.All(sample.Cases, c => Assert.True(population.ContainsKey(c.ConsultationId), $"{c.ConsultationId} is not assessable"));
        var serious = population.Where(p => p.Value.Category == AuditCategories.SeriousUnder).Select(p => p.Key).Order(StringComparer.Ordinal);
        Assert.Equal(serious, sample.Cases.Where(c => c.Stratum.EndsWith("/serious_under", StringComparison.Ordinal)).Select(c => c.ConsultationId).Order(StringComparer.Ordinal));
        Assert.All(sample.Cases, c => Assert.Equal($"{population[c.ConsultationId].Locality}/{population[c.ConsultationId].Category}", c.Stratum));
    }

    [Fact]
    public void Draw_AllocatesByStratum_AndRecordsEachCasesInclusionProbability()
    {
        Setup("aud-alloc");

        var sample = AuditSampler.Draw(Connection, Request("aud-alloc", size: 30), Clock);

        // 6 serious under-responses taken whole; 24 left for 9 strata of 20, 8 and 6 cases, at least 2
        // each: λ = 0.2 gives the agreed strata 4 each and lifts over (1.6) and under (1.2) to 2.
        Assert.Equal(12, sample.Strata.Count);
        Assert.Equal(30, sample.Size);
        foreach (var stratum in sample.Strata)
        {
            Assert.Equal(stratum.Category == AuditCategories.Agreed ? 4 : 2, stratum.Sampled);
            Assert.Equal(stratum.Sampled, sample.Cases.Count(c => c.Stratum == stratum.Stratum));
            Assert.All(sample.Cases.Where(c => c.Stratum == stratum.Stratum), c => Assert.Equal((double)stratum.Sampled / stratum.Population, c.InclusionProbability));
        }

        Assert.All(sample.Strata.Where(s => s.Category == AuditCategories.SeriousUnder), s => Assert.True(s.TakeAll));

        var stored = Connection.Scalar<long>("SELECT count(*) FROM fact.audit_sample_stratum WHERE audit_id = $1 AND inclusion_probability = sampled / population", sample.AuditId);
        Assert.Equal(12, stored);
    }

    [Fact]
    public void Draw_IsReproducibleFromItsSeed()
    {
        Setup("aud-seed");

        var first = AuditSampler.Draw(Connection, Request("aud-seed", seed: 20261101), Clock);
        var again = AuditSampler.Draw(Connection, Request("aud-seed", seed: 20261101), Clock);
        var other = AuditSampler.Draw(Connection, Request("aud-seed", seed: 20261102), Clock);

        Assert.NotEqual(first.AuditId, again.AuditId);
        Assert.Equal(
            first.Cases.Select(c => (c.CaseNumber, c.ConsultationId, c.AuditorRef, c.ModeratorRef)),
            again.Cases.Select(c => (c.CaseNumber, c.ConsultationId, c.AuditorRef, c.ModeratorRef)));
        Assert.NotEqual(
            first.Cases.Where(c => !c.Stratum.EndsWith("serious_under", StringComparison.Ordinal)).Select(c => c.ConsultationId).Order(StringComparer.Ordinal),
            other.Cases.Where(c => !c.Stratum.EndsWith("serious_under", StringComparison.Ordinal)).Select(c => c.ConsultationId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Draw_GivesEachStratumASimpleRandomSample()
    {
        // Over many seeds every case of a sampled stratum is drawn with probability n_h / N_h.
        var (_, population) = Setup("aud-srs");
        const int draws = 300;
        var counts = population.Keys.ToDictionary(k => k, _ => 0, StringComparer.Ordinal);
        AuditSample? last = null;
        for (int seed = 1; seed <= draws; seed++)
        {
            last = AuditSampler.Draw(Connection, Request("aud-srs", seed: seed, auditors: ["QA1", "QA2"]) with { ModerationShare = 0 }, Clock);
            foreach (var c in last.Cases)
            {
                counts[c.ConsultationId]++;
            }
        }

        foreach (var stratum in last!.Strata.Where(s => !s.TakeAll))
        {
            var members = population.Where(p => $"{p.Value.Locality}/{p.Value.Category}" == stratum.Stratum).Select(p => counts[p.Key]).ToList();
            double pi = stratum.InclusionProbability;
            double sd = Math.Sqrt(draws * pi * (1 - pi));
            // Each case within 4.5 standard deviations of its expected count; the stratum's total is exact.
            Assert.All(members, n => Assert.InRange(n, (draws * pi) - (4.5 * sd), (draws * pi) + (4.5 * sd)));
            Assert.Equal(draws * stratum.Sampled, members.Sum());
        }
    }

    [Fact]
    public void Draw_SharesCasesOutEvenly_AndGivesTheModerationShareToASecondAuditor()
    {
        Setup("aud-share");

        var sample = AuditSampler.Draw(Connection, Request("aud-share", size: 30), Clock);

        var perAuditor = sample.Cases.GroupBy(c => c.AuditorRef).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        Assert.Equal(["QA1", "QA2", "QA3"], perAuditor.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(10, perAuditor["QA1"]);
        Assert.Equal(10, perAuditor["QA2"]);
        Assert.Equal(10, perAuditor["QA3"]);
        // Within each stratum the shares differ by at most one.
        foreach (var stratum in sample.Cases.GroupBy(c => c.Stratum))
        {
            var shares = new[] { "QA1", "QA2", "QA3" }.Select(a => stratum.Count(c => c.AuditorRef == a)).ToList();
            Assert.True(shares.Max() - shares.Min() <= 1, $"stratum {stratum.Key}: {string.Join(",", shares)}");
        }

        // 10% of 30: three cases, each with a second auditor other than its own.
        var moderated = sample.Cases.Where(c => c.IsModerated).ToList();
        Assert.Equal(3, moderated.Count);
        Assert.All(moderated, c => Assert.NotEqual(c.AuditorRef, c.ModeratorRef));
        Assert.Equal(Enumerable.Range(1, 30), sample.Cases.Select(c => c.CaseNumber));

        var rows = Connection.Scalar<long>("SELECT count(*) FROM fact.audit_sample_case WHERE audit_id = $1", sample.AuditId);
        var second = Connection.Scalar<long>("SELECT count(*) FROM fact.audit_sample_case WHERE audit_id = $1 AND moderation", sample.AuditId);
        Assert.Equal(33, rows);
        Assert.Equal(3, second);
    }

    [Fact]
    public void Draw_NumbersCasesInARandomOrder_NotByStratum()
    {
        Setup("aud-order");

        var sample = AuditSampler.Draw(Connection, Request("aud-order", size: 40), Clock);

        var strataInCaseOrder = sample.Cases.Select(c => c.Stratum).ToList();
        var sorted = strataInCaseOrder.Order(StringComparer.Ordinal).ToList();
        Assert.NotEqual(sorted, strataInCaseOrder);
    }

    [Fact]
    public void Draw_StoresTheDesign_AndTheBlindFlag()
    {
        Setup("aud-design");

        var sample = AuditSampler.Draw(Connection, Request("aud-design") with { Blind = true, MinimumPerStratum = 3 }, Clock);

        var design = Connection.Scalar<string>("SELECT design FROM fact.audit_sample WHERE audit_id = $1", sample.AuditId)!;
        using var json = JsonDocument.Parse(design);
        var root = json.RootElement;
        Assert.Equal(108, root.GetProperty("population").GetInt64());
        Assert.Equal(7, root.GetProperty("seed").GetInt64());
        Assert.Equal(3, root.GetProperty("minimum_per_stratum").GetInt32());
        Assert.Equal(12, root.GetProperty("strata").GetArrayLength());
        Assert.Equal(sample.Size, root.GetProperty("sample_size").GetInt32());
        Assert.Equal("2026-10-20", root.GetProperty("cut_off").GetString());
        Assert.True(root.GetProperty("blind").GetBoolean());
        Assert.True(Connection.Scalar<bool>("SELECT blind FROM fact.audit_sample WHERE audit_id = $1", sample.AuditId));
        Assert.Equal(new DateOnly(2026, 9, 1), Connection.Scalar<DateOnly>("SELECT period FROM fact.audit_sample WHERE audit_id = $1", sample.AuditId));
    }

    [Fact]
    public void Draw_RefusesNamesAsAuditorReferences_AndModerationWithOneAuditor()
    {
        Setup("aud-refuse");

        Assert.Throws<ArgumentException>(() => AuditSampler.Draw(Connection, Request("aud-refuse", auditors: ["Jane Smith"]), Clock));
        Assert.Throws<ArgumentException>(() => AuditSampler.Draw(Connection, Request("aud-refuse", auditors: ["QA1"]), Clock));
        Assert.Throws<ArgumentException>(() => AuditSampler.Draw(Connection, Request("aud-refuse", auditors: ["QA1", "qa1"]), Clock));
        var single = AuditSampler.Draw(Connection, Request("aud-refuse", auditors: ["QA1"]) with { ModerationShare = 0 }, Clock);
        Assert.All(single.Cases, c => Assert.Equal("QA1", c.AuditorRef));
    }

    [Fact]
    public void Draw_RefusesAMonthWithoutAssessableConsultations()
    {
        Setup("aud-empty");

        var error = Assert.Throws<InvalidOperationException>(() => AuditSampler.Draw(Connection, Request("aud-empty") with { Month = "2026-07" }, Clock));
        Assert.Contains("no assessable consultation", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, Connection.Scalar<long>("SELECT count(*) FROM fact.audit_sample WHERE partnership = 'aud-empty'"));
    }
}
