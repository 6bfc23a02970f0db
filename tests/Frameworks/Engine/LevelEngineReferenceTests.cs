namespace Warehouse.Frameworks.Tests;

/// <summary>
/// The engine against a plain reference implementation written straight from the rules as the README states them,
/// on seeded random indicator sets (property-style, after Quartz's differential tests).
/// </summary>
public sealed class LevelEngineReferenceTests
{
    public static TheoryData<string> Partnerships => new() { "warwickshire", "worcestershire" };

    [Theory]
    [MemberData(nameof(Partnerships))]
    public void Engine_AgreesWithTheReferenceImplementation(string partnership)
    {
        var f = ShippedFiles.Catalog.Get(partnership).Latest;
        var random = new Random(20250623);
        var seenRules = new HashSet<EngineRuleKind>();
        var byLevel = Enumerable.Range(0, 5)
            .Select(level => f.Indicators.Where(i => i.Level.Number == level && !i.TopLevelOnItsOwn).Select(i => i.Id).ToArray())
            .ToArray();
        for (var n = 0; n < 20_000; n++)
        {
            // Bias towards one level so that accumulations and isolated indicators both turn up.
            var focus = byLevel[random.Next(1, 5)];
            var ids = Enumerable.Range(0, random.Next(0, 9))
                .Select(_ => random.Next(3) == 0 || focus.Length == 0 ? random.Next(f.Indicators.Count) : focus[random.Next(focus.Length)])
                .ToArray();
            var behind = new int[ids.Length];

            var actual = LevelEngine.Indicate(f, ids, behind);
            var expected = Reference(f, ids);

            Assert.Equal(expected.Level, actual.Level);
            Assert.Equal(expected.Rule, actual.Rule);
            Assert.Equal(expected.Certainty, actual.Certainty);
            Assert.Equal(expected.Alternative, actual.AlternativeLevel);
            Assert.Equal(expected.Behind, behind[..actual.BehindCount]);
            seenRules.Add(actual.Rule);
        }

        Assert.Equal(Enum.GetValues<EngineRuleKind>().Length, seenRules.Count);
    }

    private static (int? Level, EngineRuleKind Rule, IndicationCertainty Certainty, int? Alternative, int[] Behind) Reference(Framework f, int[] ids)
    {
        var rules = f.Rules.ToDictionary(r => r.Kind);
        var set = ids.Distinct().Select(id => f.Indicators[id]).ToList();
        if (set.Count == 0)
        {
            return (null, EngineRuleKind.None, IndicationCertainty.None, null, []);
        }

        if (rules.ContainsKey(EngineRuleKind.TopLevelOnItsOwn) && set.Any(i => i.TopLevelOnItsOwn))
        {
            return (4, EngineRuleKind.TopLevelOnItsOwn, IndicationCertainty.Clear, null, [.. set.Where(i => i.TopLevelOnItsOwn).Select(i => i.Id)]);
        }

        var high = set.Max(i => i.Level.Number);
        int[] At(int level) => [.. set.Where(i => i.Level.Number == level).Select(i => i.Id)];
        bool Accumulates(int level)
        {
            if (!rules.TryGetValue(EngineRuleKind.Accumulation, out var a))
            {
                return false;
            }

            var at = set.Where(i => i.Level.Number == level).ToList();
            return level >= a.Parameters["min_level"] && level < a.Parameters["max_result_level"]
                && at.Count >= a.Parameters["min_indicators"] && at.Select(i => i.Domain).Distinct().Count() >= a.Parameters["min_domains"];
        }

        if (Accumulates(high))
        {
            return (high + 1, EngineRuleKind.Accumulation, IndicationCertainty.Borderline, high, At(high));
        }

        if (rules.TryGetValue(EngineRuleKind.IsolatedHigher, out var iso) && high >= iso.Parameters["min_level"] && At(high).Length <= iso.Parameters["max_indicators"])
        {
            return Accumulates(high - 1)
                ? (high, EngineRuleKind.HighestPresent, IndicationCertainty.Clear, null, [.. set.Where(i => i.Level.Number >= high - 1).Select(i => i.Id)])
                : (high, EngineRuleKind.IsolatedHigher, IndicationCertainty.Borderline, high - 1, At(high));
        }

        return (high, EngineRuleKind.HighestPresent, IndicationCertainty.Clear, null, At(high));
    }
}
