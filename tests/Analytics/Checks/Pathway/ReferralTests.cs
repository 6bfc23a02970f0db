using Warehouse.Analytics.Tests.TestSupport;
using static Warehouse.Analytics.Tests.TestSupport.TestPartnership;

namespace Warehouse.Analytics.Tests.Checks.Pathway;

/// <summary>Referral NFA and re-referral rates over the 12 months to the end of M, against England.</summary>
public sealed class ReferralTests(WarehouseFixture warehouse) : IClassFixture<WarehouseFixture>
{
    [Fact]
    public void NfaAndReReferralRates_WithTheLatestEnglandValues()
    {
        var p = new TestPartnership(warehouse.Connection, "referrals");
        p.AddCoverage(Day("2024-01-01"), Day("2026-10-31"));
        p.Add(new ConsultationRow { Id = "c", Date = Day("2026-10-01"), ActualRecorded = 2 });
        p.AddEvent("k1", "referral", Day("2025-06-01"), referralNfa: false);   // before the 12 months: history only
        p.AddEvent("k1", "referral", Day("2026-03-01"), referralNfa: false);   // re-referral (9 months)
        p.AddEvent("k2", "referral", Day("2026-01-10"), referralNfa: true);
        p.AddEvent("k2", "referral", Day("2026-09-10"), referralNfa: false);   // re-referral
        p.AddEvent("k3", "referral", Day("2026-05-05"));                        // NFA not known
        p.AddEvent("k4", "referral", Day("2024-10-01"), referralNfa: false);   // more than 12 months before the next
        p.AddEvent("k4", "referral", Day("2025-12-01"), referralNfa: false);
        p.AddEvent("k5", "referral", Day("2026-11-01"), referralNfa: true);    // after M

        var results = p.Run("2026-10");

        var nfa = results.Measure("referral_nfa_rate");
        Assert.Equal(1, nfa.Numerator);
        Assert.Equal(4, nfa.Denominator);
        Assert.Equal("similar", nfa.Flag);
        Assert.False(nfa.Provisional);
        var reReferral = results.Measure("re_referral_rate");
        Assert.Equal(2, reReferral.Numerator);
        Assert.Equal(5, reReferral.Denominator);
        Assert.Equal(0.065, results.Measure("referral_nfa_rate", "england", "year ending 2025-03-31").Value!.Value, 12);
        Assert.Equal(0.226, results.Measure("re_referral_rate", "england", "year ending 2025-03-31").Value!.Value, 12);
    }

    [Fact]
    public void ARateClearlyAboveEngland_IsFlaggedHigher_AndMissingCoverageIsProvisional()
    {
        var p = new TestPartnership(warehouse.Connection, "referrals-high");
        p.Add(new ConsultationRow { Id = "c", Date = Day("2026-10-01"), ActualRecorded = 2 });
        for (int i = 0; i < 40; i++)
        {
            p.AddEvent($"k{i}", "referral", Day("2026-06-01").AddDays(i), referralNfa: i % 2 == 0);
        }

        var results = p.Run("2026-10");

        var nfa = results.Measure("referral_nfa_rate");
        Assert.Equal(0.5, nfa.Value);
        Assert.Equal("higher", nfa.Flag);
        Assert.True(nfa.Provisional);
    }
}
