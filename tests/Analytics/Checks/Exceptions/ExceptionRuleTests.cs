using System.Text.Json;
using Warehouse.Analytics.Tests.TestSupport;
using static Warehouse.Analytics.Tests.TestSupport.TestPartnership;

namespace Warehouse.Analytics.Tests.Checks.Exceptions;

/// <summary>Each rule fires on a hand-built case and not on its near misses.</summary>
public sealed class ExceptionRuleTests(WarehouseFixture warehouse) : IClassFixture<WarehouseFixture>
{
    private static readonly DateOnly October = Day("2026-10-05");

    [Fact]
    public void SeriousUnderResponse_TopLevelRecommendedAndSecondLevelOrBelowProvided()
    {
        var p = new TestPartnership(warehouse.Connection, "exc-serious");
        p.Add(
            new ConsultationRow { Id = "fire-2", Date = October, Recommended = 4, ActualRecorded = 2 },
            new ConsultationRow { Id = "fire-1", Date = October, Recommended = 4, ActualSource = "annex_a", Actual = 1 },
            new ConsultationRow { Id = "miss-3", Date = October, Recommended = 4, ActualRecorded = 3 },
            new ConsultationRow { Id = "miss-not-top", Date = October, Recommended = 3, ActualRecorded = 1 },
            new ConsultationRow { Id = "miss-implied-actual", Date = October, Recommended = 4, ActualSource = "implied", Actual = 1 },
            new ConsultationRow { Id = "miss-implied-recommendation", Date = October, Recommended = null, Outcome = "child_protection", ActualRecorded = 1 });

        var results = p.Run("2026-10", Day("2026-11-30"));

        Assert.Equal(["fire-1", "fire-2"], results.ExceptionIds("serious_under_response").Order());
        var row = Assert.Single(results.Exceptions, e => e.ConsultationId == "fire-2");
        Assert.Equal("child-fire-2", row.ChildKey);
        Assert.Equal(Day("2026-10-01"), row.Period);
        using var fields = JsonDocument.Parse(row.Fields);
        Assert.Equal(4, fields.RootElement.GetProperty("recommended_level").GetInt32());
        Assert.Equal(2, fields.RootElement.GetProperty("actual_level").GetInt32());
        Assert.Equal("recorded", fields.RootElement.GetProperty("actual_source").GetString());
    }

    [Fact]
    public void TopLevelIndicator_WithAnOutcomeBelowTheTopLevel()
    {
        var p = new TestPartnership(warehouse.Connection, "exc-indicator");
        p.Add(
            new ConsultationRow { Id = "fire", Date = October, Recommended = 3, Outcome = "family_help", Indicators = ["TOP", "LOW"], ActualRecorded = 3 },
            new ConsultationRow { Id = "miss-top-outcome", Date = October, Recommended = 4, Outcome = "child_protection", Indicators = ["TOP"], ActualRecorded = 4 },
            new ConsultationRow { Id = "miss-ordinary-indicator", Date = October, Recommended = 1, Outcome = "advice", Indicators = ["LOW"], ActualRecorded = 1 });

        var results = p.Run("2026-10");

        Assert.Equal(["fire"], results.ExceptionIds("top_level_indicator_below_top_outcome"));
        using var fields = JsonDocument.Parse(Assert.Single(results.Exceptions, e => e.Rule == "top_level_indicator_below_top_outcome").Fields);
        Assert.Equal(["TOP"], fields.RootElement.GetProperty("indicators").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(3, fields.RootElement.GetProperty("outcome_level").GetInt32());
    }

    [Fact]
    public void ConsentMissing_NotRecordedOrNotSoughtWhereTheOutcomeNeedsIt()
    {
        var p = new TestPartnership(warehouse.Connection, "exc-consent");
        p.Add(
            new ConsultationRow { Id = "fire-not-recorded", Date = October, Outcome = "advice", Recommended = 1, Consent = null, ActualRecorded = 1 },
            new ConsultationRow { Id = "fire-not-sought", Date = October, Outcome = "family_help", Recommended = 3, Consent = "not_sought", ActualRecorded = 3 },
            new ConsultationRow { Id = "miss-refused", Date = October, Outcome = "advice", Recommended = 1, Consent = "refused", ActualRecorded = 1 },
            new ConsultationRow { Id = "miss-given", Date = October, Outcome = "single_agency", Recommended = 2, Consent = "given", ActualRecorded = 2 },
            new ConsultationRow { Id = "miss-child-protection", Date = October, Outcome = "child_protection", Recommended = 4, Consent = null, ActualRecorded = 4 });

        var results = p.Run("2026-10");

        Assert.Equal(["fire-not-recorded", "fire-not-sought"], results.ExceptionIds("consent_missing").Order());
        using var fields = JsonDocument.Parse(Assert.Single(results.Exceptions, e => e.ConsultationId == "fire-not-recorded").Fields);
        Assert.Equal("not recorded", fields.RootElement.GetProperty("consent").GetString());
    }

    [Fact]
    public void LateDecision_LaterThanTheConfiguredWorkingDays()
    {
        var p = new TestPartnership(warehouse.Connection, "exc-late");
        // Thursday 1 October 2026: Friday 2, Monday 5, Tuesday 6 are the working days after it.
        var thursday = Day("2026-10-01");
        p.Add(
            new ConsultationRow { Id = "fire", Date = thursday, Decision = Day("2026-10-06"), ActualRecorded = 2 },
            new ConsultationRow { Id = "miss-on-the-limit", Date = thursday, Decision = Day("2026-10-05"), ActualRecorded = 2 },
            new ConsultationRow { Id = "miss-no-decision", Date = thursday, NoDecision = true, ActualRecorded = 2 });

        var results = p.Run("2026-10", options: new() { DecisionWorkingDays = 2 });

        Assert.Equal(["fire"], results.ExceptionIds("late_decision"));
        using var fields = JsonDocument.Parse(Assert.Single(results.Exceptions, e => e.Rule == "late_decision").Fields);
        Assert.Equal(3, fields.RootElement.GetProperty("working_days").GetInt32());
        Assert.Equal(2, fields.RootElement.GetProperty("limit_working_days").GetInt32());
    }

    [Fact]
    public void RepeatWithoutAssessment_ThreeOrMoreInTwelveMonthsAndNoAssessmentSinceTheFirst()
    {
        var p = new TestPartnership(warehouse.Connection, "exc-repeat");
        ConsultationRow For(string child, string id, string date) =>
            new() { Id = id, ChildKey = child, Date = Day(date), ActualRecorded = 2 };
        p.Add(
            For("k-fire", "f1", "2026-03-01"), For("k-fire", "f2", "2026-07-01"), For("k-fire", "f3", "2026-10-05"),
            For("k-old-assessment", "o1", "2026-02-01"), For("k-old-assessment", "o2", "2026-05-01"), For("k-old-assessment", "o3", "2026-10-06"),
            For("k-two-in-year", "t0", "2025-09-30"), For("k-two-in-year", "t1", "2026-06-01"), For("k-two-in-year", "t2", "2026-10-05"),
            For("k-assessed", "a1", "2026-03-01"), For("k-assessed", "a2", "2026-07-01"), For("k-assessed", "a3", "2026-10-05"),
            For("k-not-this-month", "n1", "2026-03-01"), For("k-not-this-month", "n2", "2026-07-01"), For("k-not-this-month", "n3", "2026-09-05"));
        p.AddEvent("k-assessed", "assessment", Day("2026-08-01"), Day("2026-08-20"));
        p.AddEvent("k-old-assessment", "early_help_assessment", Day("2026-01-10"));

        var results = p.Run("2026-10");

        Assert.Equal(["f3", "o3"], results.ExceptionIds("repeat_without_assessment").Order());
        using var fields = JsonDocument.Parse(Assert.Single(results.Exceptions, e => e.ConsultationId == "f3").Fields);
        Assert.Equal(3, fields.RootElement.GetProperty("consultations").GetInt32());
        Assert.Equal(["f1", "f2", "f3"], fields.RootElement.GetProperty("consultation_ids").EnumerateArray().Select(e => e.GetString()));
        // The measure counts the same children: 2 of the 4 children with a consultation in October.
        var measure = results.Measure("repeat_consultations_without_assessment");
        Assert.Equal(2, measure.Numerator);
        Assert.Equal(4, measure.Denominator);
        Assert.Equal(3, results.Measure("repeat_consultations").Numerator);
    }

    [Fact]
    public void HighScoreLowLevel_BothScoresHighAndRecommendedAtOrBelowTheSecondLevel()
    {
        var p = new TestPartnership(warehouse.Connection, "exc-score");
        p.Add(
            new ConsultationRow { Id = "fire", Date = October, Likelihood = 8, Seriousness = 9, Recommended = 2, ActualRecorded = 2 },
            new ConsultationRow { Id = "fire-implied", Date = October, Likelihood = 10, Seriousness = 10, Recommended = null, Outcome = "advice", ActualRecorded = 1 },
            new ConsultationRow { Id = "miss-one-score", Date = October, Likelihood = 8, Seriousness = 7, Recommended = 1, ActualRecorded = 1 },
            new ConsultationRow { Id = "miss-level-3", Date = October, Likelihood = 9, Seriousness = 9, Recommended = 3, ActualRecorded = 3 },
            new ConsultationRow { Id = "miss-no-scores", Date = October, Recommended = 1, ActualRecorded = 1 });

        var results = p.Run("2026-10");

        Assert.Equal(["fire", "fire-implied"], results.ExceptionIds("high_score_low_level").Order());
        using var fields = JsonDocument.Parse(Assert.Single(results.Exceptions, e => e.ConsultationId == "fire-implied").Fields);
        Assert.True(fields.RootElement.GetProperty("recommended_implied").GetBoolean());
        var measure = results.Measure("high_score_low_level");
        Assert.Equal(2, measure.Numerator);
        Assert.Equal(3, measure.Denominator);

        var stricter = p.Run("2026-10", options: new() { HighScore = 9 });
        Assert.Equal(["fire-implied"], stricter.ExceptionIds("high_score_low_level"));
    }

    [Fact]
    public void Exceptions_CarryTheChildKeyAndRuleOnly_NeverARawIdentifier()
    {
        var p = new TestPartnership(warehouse.Connection, "exc-shape");
        p.Add(new ConsultationRow { Id = "x", ChildKey = "3f9a-pseudonym", Date = October, Recommended = 4, ActualRecorded = 1, Consent = null, Outcome = "advice" });

        var results = p.Run("2026-10");

        Assert.All(results.Exceptions, e =>
        {
            Assert.Equal("3f9a-pseudonym", e.ChildKey);
            Assert.Equal("L01", e.Locality);
            Assert.Equal("A01", e.CallerAgency);
            Assert.Equal(October, e.ConsultationDate);
        });
        Assert.Equal(["consent_missing", "serious_under_response"], results.Exceptions.Select(e => e.Rule).Order());
    }
}
