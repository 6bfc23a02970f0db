namespace Warehouse.Frameworks.Tests;

public sealed class WorcestershireSeedTests
{
    private static readonly Framework Framework = ShippedFiles.Worcestershire;

    [Fact]
    public void Seed_AppendixOneHasEveryItemOfLevelsOneToFour()
    {
        var items = WorcestershireSeed.Items();

        Assert.Equal(30, items.Count(i => i.Level == "level_1"));
        Assert.Equal(39, items.Count(i => i.Level == "level_2"));
        Assert.Equal(44, items.Count(i => i.Level == "level_3"));
        Assert.Equal(58, items.Count(i => i.Level == "level_4"));
        Assert.All(items, i => Assert.NotEqual(string.Empty, i.Text));
    }

    [Fact]
    public void EverySeedItem_IsAnIndicatorVerbatimAtItsLevel_OrARecordedSplit()
    {
        var missing = new List<string>();
        foreach (var item in WorcestershireSeed.Items())
        {
            var whole = Framework.Indicators.Where(i => i.Text == item.Text && i.Level.Code == item.Level).ToList();
            var parts = Framework.Indicators.Where(i => i.Decision?.Kind == IndicatorDecisionKind.Split && i.Decision.SplitFrom == item.Text).ToList();
            if (whole.Count == 1 && parts.Count == 0)
            {
                continue;
            }

            if (whole.Count == 0 && parts.Count >= 2
                && parts.All(p => p.Level.Code == item.Level)
                && string.Join(" ", parts.Select(p => p.Text)) == item.Text)
            {
                continue;
            }

            missing.Add($"line {item.Line} ({item.Level}): {item.Text} – {whole.Count} whole, {parts.Count} parts");
        }

        Assert.Empty(missing);
    }

    [Fact]
    public void EveryIndicator_SitsInThePrintedDomain_OrRecordsWhyNot()
    {
        var items = WorcestershireSeed.Items();
        foreach (var indicator in Framework.Indicators)
        {
            var text = indicator.Decision?.SplitFrom ?? indicator.Text;
            var item = Assert.Single(items, i => i.Text == text && i.Level == indicator.Level.Code);
            if (indicator.Domain.Name == item.Domain)
            {
                Assert.NotEqual(IndicatorDecisionKind.DomainByMeaning, indicator.Decision?.Kind ?? IndicatorDecisionKind.None);
                continue;
            }

            Assert.True(indicator.Decision?.Kind == IndicatorDecisionKind.DomainByMeaning, $"{indicator.Code} is in {indicator.Domain.Name} but printed under {item.Domain}, with no recorded decision");
            Assert.True(Framework.TryGetDomain(indicator.Decision!.PrintedDomain!, out var printed));
            Assert.Equal(item.Domain, printed.Name);
        }
    }

    [Fact]
    public void Framework_HasNoIndicatorThatIsNotASeedItem_ApartFromTheRecordedSplit()
    {
        var items = WorcestershireSeed.Items();

        var invented = Framework.Indicators
            .Where(i => !items.Any(s => s.Level == i.Level.Code && s.Text == (i.Decision?.Kind == IndicatorDecisionKind.Split ? i.Decision.SplitFrom : i.Text)))
            .Select(i => i.Code)
            .ToList();

        Assert.Empty(invented);
        var splits = Framework.Indicators.Where(i => i.Decision?.Kind == IndicatorDecisionKind.Split).ToList();
        Assert.Equal(["WOR-L3-HEA-03", "WOR-L3-HEA-04"], splits.Select(s => s.Code));
        Assert.Equal(items.Count + 1, Framework.Indicators.Count);
    }

    [Fact]
    public void LevelOneDomainReassignments_AreTheFiveMisalignedItems()
    {
        var moved = Framework.Indicators.Where(i => i.Decision?.Kind == IndicatorDecisionKind.DomainByMeaning).ToList();

        Assert.Equal(5, moved.Count);
        Assert.All(moved, i => Assert.Equal("level_1", i.Level.Code));
        Assert.Equal(3, moved.Count(i => i.Domain.Code == "family_social_relationships" && i.Decision!.PrintedDomain == "identity"));
        Assert.Equal(2, moved.Count(i => i.Domain.Code == "family_history_functioning" && i.Decision!.PrintedDomain == "social_presentation"));
    }
}
