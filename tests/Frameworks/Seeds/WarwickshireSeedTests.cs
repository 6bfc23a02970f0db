namespace Warehouse.Frameworks.Tests;

public sealed class WarwickshireSeedTests
{
    private static readonly Framework Framework = ShippedFiles.Warwickshire;

    [Fact]
    public void Seed_HasTheFourIndicatorSectionsIncludingTheSingularHeading()
    {
        var lines = SharedSeeds.Lines(WarwickshireSeed.File);

        Assert.Contains("Indicator of possible need - Family Help", lines);
        var bullets = WarwickshireSeed.Bullets();
        Assert.Equal(33, bullets.Count(b => b.Level == "universal"));
        Assert.Equal(43, bullets.Count(b => b.Level == "early_support"));
        Assert.Equal(43, bullets.Count(b => b.Level == "family_help"));
        Assert.Equal(10, bullets.Count(b => b.Level == "immediate_protection"));
    }

    [Fact]
    public void EverySeedBullet_IsAnIndicatorVerbatimAtItsLevelAndDomain()
    {
        var missing = new List<string>();
        foreach (var bullet in WarwickshireSeed.Bullets())
        {
            var match = Framework.Indicators.Where(i => i.Text == bullet.Text && i.Level.Code == bullet.Level).ToList();
            if (match.Count != 1)
            {
                missing.Add($"line {bullet.Line} ({bullet.Level}): {bullet.Text} – found {match.Count}");
                continue;
            }

            var indicator = match[0];
            if (bullet.Domain is null)
            {
                // Only the immediate-protection bullets have no domain heading: their domain is a recorded judgement.
                Assert.Equal("immediate_protection", bullet.Level);
                Assert.Equal(IndicatorDecisionKind.DomainByMeaning, indicator.Decision?.Kind);
            }
            else
            {
                Assert.True(indicator.Domain.Name == bullet.Domain, $"{indicator.Code}: domain {indicator.Domain.Name}, seed heading {bullet.Domain}");
                Assert.Null(indicator.Decision);
            }
        }

        Assert.Empty(missing);
    }

    [Fact]
    public void Framework_HasNoIndicatorThatIsNotASeedBullet()
    {
        var bullets = WarwickshireSeed.Bullets();

        var invented = Framework.Indicators
            .Where(i => !bullets.Any(b => b.Text == i.Text && b.Level == i.Level.Code))
            .Select(i => i.Code)
            .ToList();

        Assert.Empty(invented);
        Assert.Equal(bullets.Count, Framework.Indicators.Count);
    }

    [Fact]
    public void ImmediateProtectionBullets_AreExactlyTheIndicatorsThatMeanTheTopLevelOnTheirOwn()
    {
        var topTexts = WarwickshireSeed.Bullets().Where(b => b.Level == "immediate_protection").Select(b => b.Text).Order(StringComparer.Ordinal);

        var flagged = Framework.Indicators.Where(i => i.TopLevelOnItsOwn).Select(i => i.Text).Order(StringComparer.Ordinal);

        Assert.Equal(topTexts, flagged);
    }

    [Fact]
    public void DescribeNeedPhrases_AreTheSeedListInOrder_InThreeGroupsOfEight()
    {
        var lines = SharedSeeds.Lines(WarwickshireSeed.File);
        var start = Array.IndexOf(lines, "Language we may use to describe need");
        var seedPhrases = lines.Skip(start + 1).SkipWhile(string.IsNullOrWhiteSpace).TakeWhile(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => l[2..].Trim()).ToList();

        var phrases = Framework.DescribeNeed!.Phrases;

        Assert.Equal(24, seedPhrases.Count);
        Assert.Equal(seedPhrases, phrases.Select(p => p.Text));
        Assert.All(phrases.Take(8), p => Assert.Equal("universal", p.Level.Code));
        Assert.All(phrases.Skip(8).Take(8), p => Assert.Equal("early_support", p.Level.Code));
        Assert.All(phrases.Skip(16), p => Assert.Equal("family_help", p.Level.Code));
        Assert.Contains("display and search only", Framework.DescribeNeed.Note, StringComparison.Ordinal);
    }
}
