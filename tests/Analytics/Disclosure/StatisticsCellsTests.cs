using Warehouse.Analytics.Disclosure;
using Warehouse.Analytics.Statistics;

namespace Warehouse.Analytics.Tests.Disclosure;

public class StatisticsCellsTests
{
    private static string Publish(DisclosureCell cell) =>
        DisclosureControl.Apply(new DisclosureRequest([new DisclosureTable("t", [cell])]))["t"][cell.Id].Figure.ToString();

    [Fact]
    public void Kappa_OneLevelOnly_IsPublishedAsNotApplicable()
    {
        var counts = new long[4, 4];
        counts[3, 3] = 25;
        var result = AgreementStatistics.Compute(new AgreementMatrix(counts));

        Assert.Equal("[z]", Publish(StatisticsCells.Kappa(new CellKey("kappa"), result.Linear)));
    }

    [Fact]
    public void Kappa_NoCases_IsPublishedAsNotAvailable()
    {
        var result = AgreementStatistics.Compute(AgreementMatrix.Empty(4));

        Assert.Equal("[x]", Publish(StatisticsCells.Kappa(new CellKey("kappa"), result.Linear)));
        Assert.Equal("[x]", Publish(StatisticsCells.Percentage(new CellKey("agreement"), new CellKey("agreed"), new CellKey("n"), result.Agreement)));
    }

    [Fact]
    public void Kappa_FewCases_IsLowReliability_ManyCases_IsAValueWithItsInterval()
    {
        var few = AgreementStatistics.Compute(new AgreementMatrix(new long[,] { { 4, 1, 0, 0 }, { 1, 3, 1, 0 }, { 0, 1, 2, 1 }, { 0, 0, 1, 3 } }));
        var skin = AgreementStatistics.Compute(new AgreementMatrix(new long[,] { { 10, 4, 1, 0 }, { 5, 10, 12, 2 }, { 2, 4, 12, 5 }, { 0, 2, 6, 13 } }));
        var cell = StatisticsCells.Kappa(new CellKey("kappa"), skin.Linear, decimals: 3);

        var published = DisclosureControl.Apply(new DisclosureRequest([new DisclosureTable("t", [cell])]))["t"][cell.Id];

        Assert.Equal("[u]", Publish(StatisticsCells.Kappa(new CellKey("kappa"), few.Linear)));
        Assert.Equal(Math.Round((decimal)skin.Linear.Kappa!.Value, 3, MidpointRounding.AwayFromZero), published.Figure.Value);
        Assert.Equal(Math.Round((decimal)skin.Linear.Interval!.Value.Lower, 3, MidpointRounding.AwayFromZero), published.Lower!.Value.Value);
    }

    [Fact]
    public void Percentage_CarriesTheWilsonInterval()
    {
        var skin = AgreementStatistics.Compute(new AgreementMatrix(new long[,] { { 10, 4, 1, 0 }, { 5, 10, 12, 2 }, { 2, 4, 12, 5 }, { 0, 2, 6, 13 } }));
        var cell = StatisticsCells.Percentage(new CellKey("agreement"), new CellKey("agreed"), new CellKey("n"), skin.Agreement);

        var published = DisclosureControl.Apply(new DisclosureRequest([new DisclosureTable("t", [cell])]))["t"][cell.Id];

        Assert.Equal("51.1", published.Figure.ToString());   // 45 of 88
        Assert.Equal(Math.Round((decimal)skin.Agreement.Interval!.Value.Lower * 100, 1, MidpointRounding.AwayFromZero), published.Lower!.Value.Value);
    }
}
