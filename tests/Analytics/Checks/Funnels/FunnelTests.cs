using Warehouse.Analytics.Tests.TestSupport;
using static Warehouse.Analytics.Tests.TestSupport.TestPartnership;

namespace Warehouse.Analytics.Tests.Checks.Funnels;

public sealed class FunnelTests(WarehouseFixture warehouse) : IClassFixture<WarehouseFixture>
{
    [Fact]
    public void FewerThanTenUnits_OverdispersionIsNotAssessedAndTheNoteSaysSo()
    {
        var p = new TestPartnership(warehouse.Connection, "funnel-few", localities: 3, agencies: 2);
        p.Add(Enumerable.Range(0, 30).Select(i => new ConsultationRow
        {
            Id = $"f{i}",
            Date = Day("2026-10-02"),
            Locality = Locality((i % 3) + 1),
            Agency = Agency((i % 2) + 1),
            Recommended = (i % 4) + 1,
            ActualRecorded = ((i * 7) % 4) + 1,
        }));

        var results = p.Run("2026-10");

        // 5 comparisons × 4 measures × 2 groupings.
        Assert.Equal(40, results.Funnels.Count);
        var funnel = Assert.Single(results.Funnels, f => f.Comparison == "recommended_to_actual" && f.Measure == "agreement" && f.Grouping == "locality");
        Assert.False(funnel.OverdispersionTested);
        Assert.False(funnel.Overdispersed);
        Assert.Equal(0, funnel.Tau2);
        Assert.StartsWith("Fewer than 10 units (3)", funnel.Note, StringComparison.Ordinal);
        Assert.Equal(results.Agreement("recommended_to_actual").Agreement, funnel.Target);
        var points = results.FunnelPoints.Where(f => f.Comparison == "recommended_to_actual" && f.Measure == "agreement" && f.Grouping == "locality").ToList();
        Assert.Equal(["L01", "L02", "L03"], points.Select(f => f.Unit));
        Assert.All(points, f => Assert.Equal(10, f.Denominator));
        Assert.All(points, f => Assert.Contains(f.Flag, new[] { "within", "high", "low", "above", "below" }));
        Assert.All(points, f => Assert.True(f.Lower998 <= f.Lower95 && f.Lower95 <= f.Upper95 && f.Upper95 <= f.Upper998));
    }

    [Fact]
    public void AUnitWithNoCases_IsListedWithoutAFlag()
    {
        var p = new TestPartnership(warehouse.Connection, "funnel-empty", localities: 2);
        p.Add(new ConsultationRow { Id = "e", Date = Day("2026-10-02"), Locality = "L01", Recommended = 2, ActualRecorded = 3 });

        var results = p.Run("2026-10");

        var empty = Assert.Single(results.FunnelPoints, f => f.Comparison == "recommended_to_actual" && f.Measure == "over" && f.Grouping == "locality" && f.Unit == "L02");
        Assert.Equal(0, empty.Denominator);
        Assert.Null(empty.Flag);
        Assert.Null(empty.Proportion);
        Assert.Null(results.Measure("over", "locality", "L02", "recommended_to_actual").Flag);
    }
}
