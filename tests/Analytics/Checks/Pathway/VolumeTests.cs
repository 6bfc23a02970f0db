using Warehouse.Analytics.Tests.TestSupport;
using static Warehouse.Analytics.Tests.TestSupport.TestPartnership;

namespace Warehouse.Analytics.Tests.Checks.Pathway;

public sealed class VolumeTests(VolumeTests.Data data) : IClassFixture<VolumeTests.Data>
{
    [Theory]
    [InlineData("locality", "L01", 3)]
    [InlineData("locality", "L02", 1)]
    [InlineData("locality", "L03", 0)]
    [InlineData("area", "North", 4)]
    [InlineData("recommended_level", "1", 1)]
    [InlineData("recommended_level", "2", 2)]
    [InlineData("recommended_level", "4", 0)]
    [InlineData("recommended_level", "not recorded", 1)]
    [InlineData("outcome", "single_agency", 2)]
    [InlineData("outcome", "family_help", 0)]
    [InlineData("agency_sector", "police", 3)]
    [InlineData("agency_sector", "health", 1)]
    [InlineData("caller_agency", "A02", 1)]
    public void ConsultationsOfThePackMonth_ByGroup(string grouping, string group, long expected)
    {
        var row = data.Results.Measure("consultations", grouping, group);
        Assert.Equal(expected, row.Numerator);
        Assert.Equal(Day("2026-10-01"), row.Period);
    }

    [Fact]
    public void TheMonthBefore_IsNotCountedInThePackMonth()
    {
        Assert.Equal(4, data.Results.Measure("consultations").Numerator);
        Assert.Equal(1, data.Results.Measure("consultations", "month", "2026-09").Numerator);
        Assert.Equal(0, data.Results.Measure("consultations", "month", "2025-10").Numerator);
    }

    [Fact]
    public void RatesPerTenThousandChildren_WithExactPoissonIntervals()
    {
        var partnership = data.Results.Measure("consultations_per_10000_children");
        Assert.Equal(4 * 10_000 / 30_000.0, partnership.Value!.Value, 12);
        Assert.Equal(30_000, partnership.Denominator);
        var l01 = data.Results.Measure("consultations_per_10000_children", "locality", "L01");
        Assert.Equal(3.0, l01.Value!.Value, 12);
        // Exact Poisson 95% limits for 3 events: 0.6187 and 8.7673.
        Assert.Equal(0.6187, l01.Lower!.Value, 4);
        Assert.Equal(8.7673, l01.Upper!.Value, 4);
        var south = data.Results.Measure("consultations_per_10000_children", "area", "South");
        Assert.Equal(0.0, south.Value);
        Assert.Equal(0.0, south.Lower);
        Assert.Equal(3.6889, south.Upper!.Value, 4);
    }

    [Fact]
    public void TheRecommendedLevelMix_AsShares()
    {
        var share = data.Results.Measure("share_of_consultations", "recommended_level", "2");
        Assert.Equal(0.5, share.Value);
        Assert.Equal(4, share.Denominator);
        Assert.Equal("proportion", share.Unit);
    }

    [Fact]
    public void EachMonthSaysWhereItsActualLevelsCameFrom()
    {
        var october = Day("2026-10-01");
        Assert.Equal(2, data.Results.Measure("consultations", "actual_source", "recorded", period: october).Numerator);
        Assert.Equal(1, data.Results.Measure("consultations", "actual_source", "annex_a", period: october).Numerator);
        Assert.Equal(1, data.Results.Measure("consultations", "actual_source", "implied", period: october).Numerator);
        Assert.Equal(0, data.Results.Measure("consultations", "actual_source", "pending", period: october).Numerator);
        Assert.Equal(1, data.Results.Measure("consultations", "actual_source", "recorded", period: Day("2026-09-01")).Numerator);
        Assert.Equal(13 * 5, data.Results.Measures.Count(m => m.Grouping == "actual_source"));
    }

    public sealed class Data : IDisposable
    {
        private readonly WarehouseFixture warehouse = new();

        public Data()
        {
            var p = new TestPartnership(warehouse.Connection, "volumes", localities: 3, agencies: 2);
            var date = Day("2026-10-14");
            p.Add(
                new ConsultationRow { Id = "v1", Date = date, Locality = "L01", Agency = "A01", Recommended = 1, ActualRecorded = 1 },
                new ConsultationRow { Id = "v2", Date = date, Locality = "L01", Agency = "A01", Recommended = 2, ActualRecorded = 2 },
                new ConsultationRow { Id = "v3", Date = date, Locality = "L01", Agency = "A01", Recommended = 2, ActualSource = "annex_a", Actual = 2 },
                new ConsultationRow { Id = "v4", Date = date, Locality = "L02", Agency = "A02", Recommended = null, Outcome = "advice", ActualSource = "implied", Actual = 1 },
                new ConsultationRow { Id = "v5", Date = Day("2026-09-14"), Locality = "L02", Agency = "A02", Recommended = 2, ActualRecorded = 2 });
            Results = p.Run("2026-10", Day("2026-11-30"));
        }

        public Warehouse.Analytics.Runs.CheckRunResults Results { get; }

        public void Dispose() => warehouse.Dispose();
    }
}
