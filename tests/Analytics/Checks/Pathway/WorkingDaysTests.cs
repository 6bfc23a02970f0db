using Warehouse.Analytics.Tests.TestSupport;
using static Warehouse.Analytics.Tests.TestSupport.TestPartnership;

namespace Warehouse.Analytics.Tests.Checks.Pathway;

/// <summary>
/// Working days against a simple reference (weekdays that are not bank holidays), across bank
/// holidays, and not available outside the bank-holiday table's years (2025 to 2027 in the fixture).
/// </summary>
public sealed class WorkingDaysTests(WarehouseFixture warehouse) : IClassFixture<WarehouseFixture>
{
    private static readonly HashSet<DateOnly> Holidays = WarehouseFixture.BankHolidays.Select(Day).ToHashSet();

    [Fact]
    public void ConsultationToDecision_AcrossChristmasBankHolidays()
    {
        var p = new TestPartnership(warehouse.Connection, "wd-christmas");
        // Thursday 24 December 2026; Friday 25 and Monday 28 are bank holidays.
        p.Add(
            new ConsultationRow { Id = "x1", Date = Day("2026-12-24"), Decision = Day("2026-12-29"), ActualRecorded = 2 },
            new ConsultationRow { Id = "x2", Date = Day("2026-12-24"), Decision = Day("2026-12-31"), ActualRecorded = 2 },
            new ConsultationRow { Id = "x3", Date = Day("2026-12-24"), Decision = Day("2026-12-24"), ActualRecorded = 2 });

        var results = p.Run("2026-12", options: new() { DecisionWorkingDays = 1 });

        Assert.Equal(1, Reference(Day("2026-12-24"), Day("2026-12-29")));
        Assert.Equal(1.0, results.Measure("decision_working_days_median").Value);
        var within = results.Measure("decisions_within_limit");
        Assert.Equal(2, within.Numerator);
        Assert.Equal(3, within.Denominator);
        Assert.Equal(["x2"], results.ExceptionIds("late_decision"));
    }

    [Fact]
    public void ConsultationToDecision_MatchesTheReferenceOnRandomDates()
    {
        var p = new TestPartnership(warehouse.Connection, "wd-random");
        var random = new Random(20261122);
        var rows = Enumerable.Range(0, 60).Select(i =>
        {
            var date = Day("2026-05-01").AddDays(random.Next(0, 31));
            return new ConsultationRow { Id = $"r{i}", Date = date, Decision = date.AddDays(random.Next(0, 25)), ActualRecorded = 2 };
        }).ToList();
        p.Add(rows);

        var results = p.Run("2026-05", Day("2026-06-30"), new() { DecisionWorkingDays = 5 });

        var days = rows.Select(r => Reference(r.Date, r.Decision!.Value)).Order().ToList();
        double median = days.Count % 2 == 1 ? days[days.Count / 2] : (days[(days.Count / 2) - 1] + days[days.Count / 2]) / 2.0;
        Assert.Equal(median, results.Measure("decision_working_days_median").Value);
        Assert.Equal(days.Count(d => d <= 5), results.Measure("decisions_within_limit").Numerator);
        Assert.Equal(rows.Where(r => Reference(r.Date, r.Decision!.Value) > 5).Select(r => r.Id).Order(), results.ExceptionIds("late_decision").Order());
    }

    [Fact]
    public void OutsideTheBankHolidayTablesYears_NotAvailableAndAWarning_NeverWeekendsAlone()
    {
        var p = new TestPartnership(warehouse.Connection, "wd-unknown");
        p.Add(
            new ConsultationRow { Id = "u1", Date = Day("2024-12-02"), Decision = Day("2024-12-20"), ActualRecorded = 2 },
            new ConsultationRow { Id = "u2", Date = Day("2024-12-30"), Decision = Day("2025-01-06"), ActualRecorded = 2 });

        var results = p.Run("2024-12", options: new() { DecisionWorkingDays = 0 });

        var median = results.Measure("decision_working_days_median");
        Assert.Equal("not_available", median.Status);
        Assert.Null(median.Value);
        Assert.Equal("not_available", results.Measure("decisions_within_limit").Status);
        Assert.Equal(2, results.Measure("decision_working_days_not_available").Numerator);
        Assert.Empty(results.ExceptionIds("late_decision"));
        var warning = Assert.Single(results.Warnings, w => w.Code == "working_days_not_available");
        Assert.Equal(2, warning.Count);
    }

    [Fact]
    public void AssessmentsAndIcpcs_AgainstFortyFiveAndFifteenWorkingDays()
    {
        var p = new TestPartnership(warehouse.Connection, "wd-annex");
        p.Add(new ConsultationRow { Id = "c", Date = Day("2026-10-01"), ActualRecorded = 2 });
        // Assessments authorised in October 2026.
        p.AddEvent("k1", "assessment", Day("2026-08-20"), endDate: Day("2026-10-22"));
        p.AddEvent("k2", "assessment", Day("2026-09-01"), endDate: Day("2026-10-02"));
        p.AddEvent("k3", "assessment", Day("2026-09-01"), endDate: Day("2026-11-02"));
        // Strategy discussion to ICPC: 15 working days exactly, and 16.
        p.AddEvent("k4", "section47", Day("2026-10-01"), secondDate: Day("2026-10-22"));
        p.AddEvent("k5", "section47", Day("2026-10-01"), secondDate: Day("2026-10-23"));
        p.AddEvent("k6", "section47", Day("2024-12-20"), secondDate: Day("2026-10-05"));

        var results = p.Run("2026-10");

        Assert.Equal(15, Reference(Day("2026-10-01"), Day("2026-10-22")));
        var assessments = results.Measure("assessment_within_45_working_days");
        Assert.Equal(Reference(Day("2026-08-20"), Day("2026-10-22")) <= 45 ? 2 : 1, assessments.Numerator);
        Assert.Equal(2, assessments.Denominator);
        Assert.Equal((Reference(Day("2026-08-20"), Day("2026-10-22")) + Reference(Day("2026-09-01"), Day("2026-10-02"))) / 2.0,
            results.Measure("assessment_working_days_median").Value);
        var icpcs = results.Measure("icpc_within_15_working_days");
        Assert.Equal(1, icpcs.Numerator);
        Assert.Equal(2, icpcs.Denominator);
        Assert.Equal(1, results.Measure("icpc_working_days_not_available").Numerator);
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    private static int Reference(DateOnly from, DateOnly to)
    {
        int days = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !Holidays.Contains(day))
            {
                days++;
            }
        }

        return days;
    }
}
