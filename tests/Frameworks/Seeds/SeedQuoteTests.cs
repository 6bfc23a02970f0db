namespace Warehouse.Frameworks.Tests;

public sealed class SeedQuoteTests
{
    public static TheoryData<string> Partnerships => new() { "warwickshire", "worcestershire" };

    [Theory]
    [MemberData(nameof(Partnerships))]
    public void EveryQuote_AppearsVerbatimInTheSeed(string partnership)
    {
        var framework = ShippedFiles.Catalog.Get(partnership).Latest;
        var seed = SharedSeeds.Normalise(File.ReadAllText(SharedSeeds.PathOf(framework.Source.SeedFile)));
        var quotes = new List<string> { framework.NotAChecklist.Quote };
        quotes.AddRange(framework.Rules.SelectMany(r => r.RestsOn).Select(q => q.Quote));
        quotes.AddRange(framework.AmbiguousTerms.Select(t => t.Source.Quote));
        quotes.AddRange(framework.Crosswalk.Caveats.Select(c => c.Quote).OfType<string>());
        quotes.AddRange(framework.Levels.Select(l => l.Description));

        var absent = quotes.Where(q => !seed.Contains(SharedSeeds.Normalise(q), StringComparison.Ordinal)).ToList();

        Assert.True(quotes.Count >= 9);
        Assert.Empty(absent);
    }

    [Theory]
    [MemberData(nameof(Partnerships))]
    public void EveryLevelName_IsUsedByTheSeed(string partnership)
    {
        var framework = ShippedFiles.Catalog.Get(partnership).Latest;
        var seed = SharedSeeds.Normalise(File.ReadAllText(SharedSeeds.PathOf(framework.Source.SeedFile)));

        var unused = framework.Levels.SelectMany(l => l.Names).Where(n => !seed.Contains(n, StringComparison.OrdinalIgnoreCase)).ToList();

        Assert.Empty(unused);
    }

    [Fact]
    public void WarwickshireTopLevel_HasTheThreeNamesTheSeedUses()
    {
        Assert.Equal(
            ["Immediate protection", "Family Help – immediate support (Child Protection)", "Family Help – immediate protection"],
            ShippedFiles.Warwickshire.TopLevel.Names);
    }
}
