using Warehouse.Analytics.Tests.TestSupport;
using static Warehouse.Analytics.Tests.TestSupport.TestPartnership;

namespace Warehouse.Analytics.Tests.Checks.Pathway;

/// <summary>Conversion: the same child, within the window, in the month whose windows have all closed.</summary>
public sealed class ConversionTests(WarehouseFixture warehouse) : IClassFixture<WarehouseFixture>
{
    [Fact]
    public void ConsultationsFollowedByAReferralAssessmentOrSection47_WithinTheWindow()
    {
        var p = new TestPartnership(warehouse.Connection, "conversion");
        p.AddCoverage(Day("2026-01-01"), Day("2026-11-30"));
        p.Add(
            new ConsultationRow { Id = "c1", ChildKey = "k1", Date = Day("2026-10-05"), ActualRecorded = 2 },
            new ConsultationRow { Id = "c2", ChildKey = "k2", Date = Day("2026-10-05"), ActualRecorded = 2 },
            new ConsultationRow { Id = "c3", ChildKey = "k3", Date = Day("2026-10-05"), ActualRecorded = 2 },
            new ConsultationRow { Id = "c4", ChildKey = "k4", Date = Day("2026-10-04"), ActualRecorded = 2, Locality = "L02" },
            new ConsultationRow { Id = "c5", ChildKey = "k5", Date = Day("2026-10-30"), ActualRecorded = 2, Locality = "L02" },
            new ConsultationRow { Id = "n1", ChildKey = "k1", Date = Day("2026-11-02"), ActualRecorded = 2 });
        p.AddEvent("k1", "referral", Day("2026-10-20"), referralNfa: false);
        p.AddEvent("k2", "referral", Day("2026-11-10"), referralNfa: false);    // after c2's window (4 November)
        p.AddEvent("k3", "early_help_assessment", Day("2026-10-05"));           // the same day counts
        p.AddEvent("k4", "section47", Day("2026-11-03"));                        // the window's last day counts
        p.AddEvent("k9", "referral", Day("2026-10-06"), referralNfa: false);    // another child

        var results = p.Run("2026-11", Day("2026-11-30"));

        Assert.Equal(Day("2026-10-01"), results.Run.WindowPeriod);
        var referral = results.Measure("conversion_to_referral");
        Assert.Equal(Day("2026-10-01"), referral.Period);
        Assert.Equal(1, referral.Numerator);
        Assert.Equal(5, referral.Denominator);
        Assert.Equal(1, results.Measure("conversion_to_early_help_assessment").Numerator);
        Assert.Equal(1, results.Measure("conversion_to_section47").Numerator);
        Assert.Equal(0, results.Measure("conversion_not_covered").Numerator);
        var l02 = results.Measure("conversion_to_section47", "locality", "L02");
        Assert.Equal(1, l02.Numerator);
        Assert.Equal(2, l02.Denominator);
    }

    [Fact]
    public void WindowsTheReturnsDoNotCover_AreCountedApartAndWarnedAbout()
    {
        var p = new TestPartnership(warehouse.Connection, "conversion-uncovered");
        p.AddCoverage(Day("2026-01-01"), Day("2026-10-15"));
        p.Add(
            new ConsultationRow { Id = "c1", Date = Day("2026-09-10"), ActualRecorded = 2 },
            new ConsultationRow { Id = "c2", Date = Day("2026-09-20"), ActualRecorded = 2 });

        var results = p.Run("2026-10", Day("2026-10-31"));

        Assert.Equal(Day("2026-09-01"), results.Run.WindowPeriod);
        var referral = results.Measure("conversion_to_referral");
        Assert.Equal(1, referral.Denominator);
        Assert.Equal(1, results.Measure("conversion_not_covered").Numerator);
        Assert.Equal(1, Assert.Single(results.Warnings, w => w.Code == "conversion_not_covered").Count);
    }
}
