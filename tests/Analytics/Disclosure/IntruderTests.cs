using Warehouse.Analytics.Disclosure;

namespace Warehouse.Analytics.Tests.Disclosure;

public class IntruderTests
{
    private const int Threshold = 5;

    // Three localities (L0, L1 form area A0; L2 alone is area A1), three months, four levels.
    private static readonly long[,,] Counts =
    {
        // L0: months × levels
        { { 12, 3, 8, 0 }, { 9, 14, 2, 1 }, { 11, 7, 6, 4 } },
        // L1
        { { 20, 0, 15, 7 }, { 4, 18, 9, 3 }, { 16, 12, 0, 8 } },
        // L2
        { { 2, 6, 9, 13 }, { 7, 1, 11, 10 }, { 8, 9, 3, 12 } },
    };

    private static readonly int[] Areas = [0, 0, 1];

    private static readonly long[] Agreed = [58, 110, 87];

    [Fact]
    public void LinkedPack_IntruderRecoversNothing()
    {
        var pack = new SafeguardingPack(Counts, Areas, Agreed);

        var result = DisclosureControl.Apply(pack.Request);

        AssertNothingDisclosed(pack, result);
        var hidden = result.Hidden().Where(h => h.Cell.Reason!.Rule == SuppressionRule.Complementary).ToList();
        Assert.NotEmpty(hidden);

        // The single-locality area shows exactly what its locality shows.
        foreach (string level in new[] { "1", "2", "3", "4", "all" })
        {
            Assert.Equal(
                result["by-locality"][SafeguardingPack.Loc(2, level)].Figure.Symbol,
                result["by-area"][SafeguardingPack.Area(1, level)].Figure.Symbol);
        }

        // The newest month is provisional where it is shown.
        var newest = result["by-month"][SafeguardingPack.Month(2, "all")].Figure;
        Assert.True(!newest.HasValue || newest.Markers.HasFlag(FigureMarkers.Provisional));
    }

    [Fact]
    public void LinkedPack_WithPrimarySuppressionOnly_TheIntruderSucceeds()
    {
        // The attacker is not toothless: against a pack that only hides counts of 1–5 (no secondary
        // suppression, rates published as computed) it recovers hidden values.
        var pack = new SafeguardingPack(Counts, Areas, Agreed);
        var naive = PrimaryOnly(pack);

        var known = new Intruder(pack.Request, naive).Attack();

        var recovered = naive.Tables.SelectMany(t => t.Cells)
            .Where(c => c.Figure.Symbol == DisclosureSymbol.Confidential && known.ContainsKey(c.Id))
            .Select(c => c.Id)
            .Distinct()
            .ToList();
        Assert.NotEmpty(recovered);
        Assert.All(recovered, key => Assert.Equal(pack.Truth[key], known[key]));
    }

    [Fact]
    public void RandomPacks_IntruderRecoversNothing()
    {
        var random = new Random(20261122);
        int secondary = 0;
        for (int iteration = 0; iteration < 150; iteration++)
        {
            secondary += RandomPack(random, localities: random.Next(1, 5), months: random.Next(1, 4), small: 0.4);
        }

        Assert.True(secondary > 100, "the random packs should exercise secondary suppression");
    }

    /// <summary>A small partnership's sparse months over more localities and months: most counts 1 to 5, so most of every table is hidden.</summary>
    [Fact]
    public void SparseRandomPacks_IntruderRecoversNothing()
    {
        var random = new Random(20261123);
        int secondary = 0;
        for (int iteration = 0; iteration < 12; iteration++)
        {
            secondary += RandomPack(random, localities: random.Next(6, 11), months: random.Next(3, 7), small: 0.65);
        }

        Assert.True(secondary > 100, "the sparse packs should exercise secondary suppression");
    }

    /// <summary>Builds one random pack, applies disclosure control, attacks it; returns how many cells were hidden as complements.</summary>
    private static int RandomPack(Random random, int localities, int months, double small)
    {
        var counts = new long[localities, months, SafeguardingPack.Levels];
        for (int l = 0; l < localities; l++)
        {
            for (int m = 0; m < months; m++)
            {
                for (int k = 0; k < SafeguardingPack.Levels; k++)
                {
                    double draw = random.NextDouble();
                    counts[l, m, k] = draw < 0.3 ? 0 : draw < 0.3 + small ? random.Next(1, 6) : random.Next(6, 41);
                }
            }
        }

        // Random areas: shuffle the localities and cut them into groups, so some areas have one locality.
        var order = Enumerable.Range(0, localities).OrderBy(_ => random.Next()).ToArray();
        var areas = new int[localities];
        int area = 0;
        for (int i = 0; i < localities; i++)
        {
            if (i > 0 && random.NextDouble() < 0.5)
            {
                area++;
            }

            areas[order[i]] = area;
        }

        var agreed = new long[localities];
        for (int l = 0; l < localities; l++)
        {
            long total = 0;
            for (int m = 0; m < months; m++)
            {
                for (int k = 0; k < SafeguardingPack.Levels; k++)
                {
                    total += counts[l, m, k];
                }
            }

            agreed[l] = random.NextInt64(0, total + 1);
        }

        var pack = new SafeguardingPack(counts, areas, agreed);
        var result = DisclosureControl.Apply(pack.Request);

        AssertNothingDisclosed(pack, result);
        return result.Hidden().Count(h => h.Cell.Reason!.Rule == SuppressionRule.Complementary);
    }

    private static void AssertNothingDisclosed(SafeguardingPack pack, DisclosureResult result)
    {
        var known = new Intruder(pack.Request, result).Attack();

        // The intruder's arithmetic is right, and nothing it knows is a count from 1 to 5 (this covers
        // every published count and every recovered or derived quantity, rate differences included).
        foreach (var (key, value) in known)
        {
            Assert.True(pack.Truth.ContainsKey(key), $"intruder invented {key}");
            Assert.Equal(pack.Truth[key], value);
            Assert.False(value is >= 1 and <= Threshold, $"intruder learned {key} = {value}");
        }

        var layout = pack.Request.Tables.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var figures = new Dictionary<CellKey, PublishedFigure>();
        foreach (var table in result.Tables)
        {
            foreach (var cell in table.Cells)
            {
                // One figure, one treatment: the same id shows the same value or symbol in every table.
                if (figures.TryGetValue(cell.Id, out var seen))
                {
                    Assert.Equal(seen.Symbol, cell.Figure.Symbol);
                    Assert.Equal(seen.Value, cell.Figure.Value);
                }

                figures[cell.Id] = cell.Figure;
                var source = layout[table.Id].Cells.Single(c => c.Id == cell.Id);
                if (source is CountCell && cell.Figure.Symbol == DisclosureSymbol.Confidential)
                {
                    Assert.False(known.ContainsKey(cell.Id), $"intruder recovered suppressed {cell.Id} = {pack.Truth[cell.Id]}");
                }

                if (source is RateCell rate && cell.Figure.HasValue)
                {
                    long numerator = pack.Truth[rate.Numerator.Key];
                    long denominator = pack.Truth[rate.Denominator.Key];
                    foreach (long part in new[] { numerator, denominator, denominator - numerator })
                    {
                        Assert.False(part is >= 1 and <= Threshold, $"rate {cell.Id} published with {numerator}/{denominator}");
                    }
                }
            }
        }
    }

    /// <summary>What a pack would look like with primary suppression only.</summary>
    private static DisclosureResult PrimaryOnly(SafeguardingPack pack)
    {
        var tables = pack.Request.Tables.Select(table => new PublishedTable(table.Id, table.Cells.Select(cell => cell switch
        {
            CountCell count when count.Value is >= 1 and <= Threshold => new PublishedCell(cell.Id, PublishedFigure.Shown(DisclosureSymbol.Confidential), null, null, null),
            CountCell count => new PublishedCell(cell.Id, PublishedFigure.Of(count.Value!.Value, 0), null, null, null),
            RateCell rate when rate.Denominator.Value > 0 => new PublishedCell(
                cell.Id,
                PublishedFigure.Of(Math.Round((decimal)rate.Numerator.Value!.Value * 100 / rate.Denominator.Value!.Value, 1, MidpointRounding.AwayFromZero), 1),
                null,
                null,
                null),
            _ => new PublishedCell(cell.Id, PublishedFigure.Shown(DisclosureSymbol.NotAvailable), null, null, null),
        }).ToList())).ToList();
        return new DisclosureResult(DisclosureOptions.Default, tables);
    }
}
