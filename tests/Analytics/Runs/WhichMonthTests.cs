using Warehouse.Analytics.Tests.TestSupport;
using static Warehouse.Analytics.Tests.TestSupport.TestPartnership;

namespace Warehouse.Analytics.Tests.Runs;

/// <summary>The pack for month M: volumes for M, consistency for the latest month with no pending consultation, 13-month trends.</summary>
public sealed class WhichMonthTests(WarehouseFixture warehouse) : IClassFixture<WarehouseFixture>
{
    [Fact]
    public void RecordedActualLevels_ConsistencyIsReportedForThePackMonth()
    {
        var p = new TestPartnership(warehouse.Connection, "month-recorded");
        p.Add(
            new ConsultationRow { Id = "s1", Date = Day("2026-09-10"), ActualRecorded = 2 },
            new ConsultationRow { Id = "o1", Date = Day("2026-10-10"), ActualRecorded = 2 });

        var results = p.Run("2026-10", Day("2026-10-31"));

        Assert.Equal(Day("2026-10-01"), results.Run.ConsistencyPeriod);
        Assert.All(results.Agreement.Where(a => a.Grouping != "month"), a => Assert.Equal(Day("2026-10-01"), a.Period));
        Assert.Equal(1, results.Agreement("recommended_to_actual").Cases);
    }

    [Fact]
    public void EveryActualLevelOfThePackMonthPending_ConsistencyMovesBackAMonth()
    {
        var p = new TestPartnership(warehouse.Connection, "month-pending");
        p.AddCoverage(Day("2026-01-01"), Day("2026-10-31"));
        p.Add(
            new ConsultationRow { Id = "s1", Date = Day("2026-09-10"), Recommended = 3, ActualSource = "annex_a", Actual = 3 },
            new ConsultationRow { Id = "s2", Date = Day("2026-09-20"), Recommended = 2, ActualSource = "annex_a", Actual = 1 },
            new ConsultationRow { Id = "o1", Date = Day("2026-10-10"), Recommended = 2, ActualSource = "pending" },
            new ConsultationRow { Id = "o2", Date = Day("2026-10-20"), Recommended = 2, ActualSource = "pending" });

        var results = p.Run("2026-10", Day("2026-10-31"));

        Assert.Equal(Day("2026-10-01"), results.Run.Period);
        Assert.Equal(Day("2026-09-01"), results.Run.ConsistencyPeriod);
        var headline = results.Agreement("recommended_to_actual");
        Assert.Equal(Day("2026-09-01"), headline.Period);
        Assert.Equal(2, headline.Cases);
        Assert.False(headline.Provisional);
        // Volumes stay with M.
        var volume = results.Measure("consultations");
        Assert.Equal(Day("2026-10-01"), volume.Period);
        Assert.Equal(2, volume.Numerator);
        // The trend's newest point is provisional; September's is not.
        Assert.True(results.Agreement("recommended_to_actual", "month", "2026-10").Provisional);
        Assert.False(results.Agreement("recommended_to_actual", "month", "2026-09").Provisional);
        Assert.Equal(0, results.Agreement("recommended_to_actual", "month", "2026-10").Cases);
        // Comparisons that do not use the actual level are not provisional.
        Assert.False(results.Agreement("caller_to_recommended", "month", "2026-10").Provisional);
    }

    [Fact]
    public void AnnexAWindowStillOpenAtAGivenCutOff_IsPendingAndMovesTheMonthBack()
    {
        var p = new TestPartnership(warehouse.Connection, "month-cutoff");
        p.Add(
            new ConsultationRow { Id = "s1", Date = Day("2026-09-10"), ActualRecorded = 2 },
            new ConsultationRow { Id = "o1", Date = Day("2026-10-05"), ActualSource = "annex_a", Actual = 2 });

        var late = p.Run("2026-10", Day("2026-11-30"));
        var early = p.Run("2026-10", Day("2026-10-31"));

        Assert.Equal(Day("2026-10-01"), late.Run.ConsistencyPeriod);
        Assert.Equal(Day("2026-09-01"), early.Run.ConsistencyPeriod);
        Assert.Equal(1, early.NotAssessable("recommended_to_actual", Day("2026-10-01"))["actual pending"]);
    }

    [Fact]
    public void AWindowClosingOnTheCutOff_IsClosed_AndOneDayLaterIsPending()
    {
        var p = new TestPartnership(warehouse.Connection, "month-boundary");
        p.Add(
            new ConsultationRow { Id = "closed", Date = Day("2026-10-01"), ActualSource = "annex_a", Actual = 2, WindowEnd = Day("2026-10-31") },
            new ConsultationRow { Id = "open", Date = Day("2026-10-02"), ActualSource = "annex_a", Actual = 2, WindowEnd = Day("2026-11-01") });

        var results = p.Run("2026-10", Day("2026-10-31"));

        Assert.Equal(1, results.Agreement("recommended_to_actual", "month", "2026-10").Cases);
        Assert.Equal(1, results.NotAssessable("recommended_to_actual", Day("2026-10-01"))["actual pending"]);
    }

    [Fact]
    public void ConsultationsAfterTheCutOff_AreNotSeen()
    {
        var p = new TestPartnership(warehouse.Connection, "month-after-cutoff");
        p.Add(
            new ConsultationRow { Id = "seen", Date = Day("2026-10-10"), ActualRecorded = 2 },
            new ConsultationRow { Id = "unseen", Date = Day("2026-10-20"), ActualRecorded = 2 });

        var results = p.Run("2026-10", Day("2026-10-15"));

        Assert.Equal(1, results.Measure("consultations").Numerator);
        Assert.Equal(1, Assert.Single(results.Warnings, w => w.Code == "consultations_after_cut_off").Count);
    }

    [Fact]
    public void TheTrendHasThirteenMonthsEachSayingWhichMonthItCovers()
    {
        var p = new TestPartnership(warehouse.Connection, "month-trend");
        p.Add(new ConsultationRow { Id = "o1", Date = Day("2026-10-10"), ActualRecorded = 2 });

        var results = p.Run("2026-10");

        var months = results.Agreement.Where(a => a.Comparison == "recommended_to_actual" && a.Grouping == "month").ToList();
        Assert.Equal(13, months.Count);
        Assert.Equal("2025-10", months.Min(m => m.GroupValue));
        Assert.Equal("2026-10", months.Max(m => m.GroupValue));
        Assert.All(months, m => Assert.Equal(m.GroupValue + "-01", m.Period.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(13, results.Measures.Count(m => m.Measure == "consultations" && m.Grouping == "month"));
        // No cut-off given: the latest date the loaded sources cover (here the latest consultation).
        Assert.Equal(Day("2026-10-10"), results.Run.DataCutOff);
        Assert.False(results.Run.CutOffGiven);
    }

    [Fact]
    public void NoMonthWithoutPendingConsultations_TrendOnlyAndAWarning()
    {
        var p = new TestPartnership(warehouse.Connection, "month-none");
        p.Add(new ConsultationRow { Id = "o1", Date = Day("2026-10-10"), ActualSource = "pending" });

        var results = p.Run("2026-10", Day("2026-10-31"));

        Assert.Null(results.Run.ConsistencyPeriod);
        Assert.DoesNotContain(results.Agreement, a => a.Grouping != "month");
        Assert.Contains(results.Warnings, w => w.Code == "no_consistency_month");
        Assert.Empty(results.Funnels);
    }
}
