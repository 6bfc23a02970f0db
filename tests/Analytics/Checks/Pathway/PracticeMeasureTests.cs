using Warehouse.Analytics.Tests.TestSupport;
using static Warehouse.Analytics.Tests.TestSupport.TestPartnership;

namespace Warehouse.Analytics.Tests.Checks.Pathway;

public sealed class PracticeMeasureTests(WarehouseFixture warehouse) : IClassFixture<WarehouseFixture>
{
    [Fact]
    public void ConsentShares_ByAgency_OverOutcomesThatNeedConsent()
    {
        var p = new TestPartnership(warehouse.Connection, "consent", agencies: 2);
        var date = Day("2026-10-07");
        p.Add(
            new ConsultationRow { Id = "g1", Date = date, Agency = "A01", Consent = "given", ActualRecorded = 2 },
            new ConsultationRow { Id = "g2", Date = date, Agency = "A01", Consent = "given", ActualRecorded = 2 },
            new ConsultationRow { Id = "r1", Date = date, Agency = "A01", Consent = "refused", ActualRecorded = 2 },
            new ConsultationRow { Id = "n1", Date = date, Agency = "A01", Consent = null, ActualRecorded = 2 },
            new ConsultationRow { Id = "s1", Date = date, Agency = "A02", Consent = "not_sought", ActualRecorded = 2 },
            new ConsultationRow { Id = "cp", Date = date, Agency = "A02", Consent = null, Recommended = 4, Outcome = "child_protection", ActualRecorded = 4 });

        var results = p.Run("2026-10");

        Assert.Equal(2, results.Measure("consent_given").Numerator);
        Assert.Equal(5, results.Measure("consent_given").Denominator);
        Assert.Equal(1, results.Measure("consent_not_recorded").Numerator);
        Assert.Equal(1, results.Measure("consent_not_sought").Numerator);
        Assert.Equal(0, results.Measure("consent_not_required").Numerator);
        Assert.Equal(0.5, results.Measure("consent_given", "caller_agency", "A01").Value);
        Assert.Equal(1.0, results.Measure("consent_not_sought", "caller_agency", "A02").Value);
        var shares = results.Measures.Where(m => m.Measure.StartsWith("consent_", StringComparison.Ordinal) && m.Grouping == "partnership");
        Assert.Equal(1.0, shares.Sum(m => m.Value!.Value), 12);
    }

    [Fact]
    public void StepUpAndStepDown_AgainstThePreviousAssessableLevelWithinTwelveMonths()
    {
        var p = new TestPartnership(warehouse.Connection, "steps");
        ConsultationRow For(string child, string id, string date, int? actual, string? source = null) => source is null
            ? new() { Id = id, ChildKey = child, Date = Day(date), ActualRecorded = actual }
            : new() { Id = id, ChildKey = child, Date = Day(date), ActualSource = source, Actual = actual };
        p.Add(
            For("up", "u0", "2026-08-10", 2), For("up", "u1", "2026-10-05", 3),
            For("down", "d0", "2026-09-10", 3), For("down", "d1", "2026-10-05", 1),
            For("too-old", "o0", "2025-09-01", 1), For("too-old", "o1", "2026-10-05", 2),
            For("same", "s0", "2026-10-01", 2), For("same", "s1", "2026-10-20", 2),
            For("implied-before", "i0", "2026-07-01", 4, "implied"), For("implied-before", "i1", "2026-10-05", 2));

        var results = p.Run("2026-10");

        var up = results.Measure("step_up");
        Assert.Equal(Day("2026-10-01"), up.Period);
        Assert.Equal(1, up.Numerator);
        Assert.Equal(3, up.Denominator);
        Assert.Equal(1, results.Measure("step_down").Numerator);
    }

    [Fact]
    public void PathwayToChange_ScoreDistributionsByRecommendedLevel()
    {
        var p = new TestPartnership(warehouse.Connection, "pathway-to-change");
        var date = Day("2026-10-07");
        p.Add(
            new ConsultationRow { Id = "a", Date = date, Recommended = 1, Likelihood = 2, Seriousness = 3, ActualRecorded = 1 },
            new ConsultationRow { Id = "b", Date = date, Recommended = 1, Likelihood = 4, Seriousness = 3, ActualRecorded = 1 },
            new ConsultationRow { Id = "c", Date = date, Recommended = 2, Likelihood = 5, Seriousness = 6, ActualRecorded = 2 },
            new ConsultationRow { Id = "d", Date = date, Recommended = 2, Likelihood = 5, ActualRecorded = 2 },
            new ConsultationRow { Id = "e", Date = date, Recommended = 2, Likelihood = 6, Seriousness = 8, ActualRecorded = 2 },
            new ConsultationRow { Id = "f", Date = date, Recommended = null, Outcome = "family_help", Likelihood = 9, Seriousness = 9, ActualRecorded = 3 });

        var results = p.Run("2026-10");

        Assert.Equal(3.0, results.Measure("likelihood_median", "recommended_level", "1").Value);
        Assert.Equal(5.0, results.Measure("likelihood_median", "recommended_level", "2").Value);
        var five = results.Measure("likelihood_score_5", "recommended_level", "2");
        Assert.Equal(2, five.Numerator);
        Assert.Equal(3, five.Denominator);
        Assert.Equal(2, results.Measure("seriousness_median", "recommended_level", "2").Numerator);
        Assert.Equal(9.0, results.Measure("seriousness_median", "recommended_level", "not recorded").Value);
        Assert.Equal("not_available", results.Measure("likelihood_median", "recommended_level", "4").Status);
        Assert.Equal(11, results.Measures.Count(m => m.GroupValue == "3" && m.Measure.StartsWith("seriousness_score_", StringComparison.Ordinal)));
    }
}
