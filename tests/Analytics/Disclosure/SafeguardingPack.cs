using Warehouse.Analytics.Disclosure;
using Warehouse.Analytics.Statistics;

namespace Warehouse.Analytics.Tests.Disclosure;

/// <summary>
/// A pack of linked tables built from consultation counts by locality, month and level, shaped like a
/// monthly threshold-consistency pack: localities with row and column totals; areas (some made of a
/// single locality) sharing the partnership totals; months whose column totals are the year; localities
/// by month; agreement counts and agreement rates sharing numerators and denominators with the counts;
/// top-level shares; kappas. <see cref="Truth"/> holds every quantity's value, for checking the intruder.
/// </summary>
internal sealed class SafeguardingPack
{
    public const int Levels = 4;

    private static readonly string[] LevelNames = ["1", "2", "3", "4"];

    private readonly Dictionary<CellKey, long> truth = [];

    /// <param name="counts">[locality, month, level] consultations.</param>
    /// <param name="areaOfLocality">The area each locality belongs to (0-based area numbers).</param>
    /// <param name="agreed">Per locality, consultations where the compared view agreed (≤ its total).</param>
    public SafeguardingPack(long[,,] counts, int[] areaOfLocality, long[] agreed)
    {
        int localities = counts.GetLength(0);
        int months = counts.GetLength(1);
        var localityIds = Enumerable.Range(0, localities).ToArray();
        var areas = areaOfLocality.Distinct().Order().ToArray();

        // Values of every count.
        for (int l = 0; l < localities; l++)
        {
            for (int k = 0; k < Levels; k++)
            {
                Set(Loc(l, LevelNames[k]), Sum(counts, l, null, k));
            }

            Set(Loc(l, "all"), Sum(counts, l, null, null));
            for (int m = 0; m < months; m++)
            {
                Set(LocMonth(l, m), Sum(counts, l, m, null));
            }

            Set(Agreed(l), agreed[l]);
            Set(Disagreed(l), truth[Loc(l, "all")] - agreed[l]);
        }

        foreach (string level in LevelNames.Append("all"))
        {
            Set(Partnership(level), localityIds.Sum(l => truth[Loc(l, level)]));
            foreach (int a in areas)
            {
                Set(Area(a, level), localityIds.Where(l => areaOfLocality[l] == a).Sum(l => truth[Loc(l, level)]));
            }
        }

        for (int m = 0; m < months; m++)
        {
            for (int k = 0; k < Levels; k++)
            {
                Set(Month(m, LevelNames[k]), Sum(counts, null, m, k));
            }

            Set(Month(m, "all"), Sum(counts, null, m, null));
        }

        Set(AgreedAll, localityIds.Sum(l => agreed[l]));
        Set(DisagreedAll, localityIds.Sum(l => truth[Disagreed(l)]));

        var tables = new List<DisclosureTable>
        {
            Grid(
                "by-locality",
                localityIds.Select(l => LevelNames.Select(k => Loc(l, k)).ToList()).ToList(),
                localityIds.Select(l => Loc(l, "all")).ToList(),
                LevelNames.Select(Partnership).ToList(),
                Partnership("all")),
            Grid(
                "by-area",
                areas.Select(a => LevelNames.Select(k => Area(a, k)).ToList()).ToList(),
                areas.Select(a => Area(a, "all")).ToList(),
                LevelNames.Select(Partnership).ToList(),
                Partnership("all")),
            Grid(
                "by-month",
                Enumerable.Range(0, months).Select(m => LevelNames.Select(k => Month(m, k)).ToList()).ToList(),
                Enumerable.Range(0, months).Select(m => Month(m, "all")).ToList(),
                LevelNames.Select(Partnership).ToList(),
                Partnership("all"),
                provisionalRow: months - 1),
            Grid(
                "locality-by-month",
                localityIds.Select(l => Enumerable.Range(0, months).Select(m => LocMonth(l, m)).ToList()).ToList(),
                localityIds.Select(l => Loc(l, "all")).ToList(),
                Enumerable.Range(0, months).Select(m => Month(m, "all")).ToList(),
                Partnership("all")),
            Grid(
                "agreement-counts",
                localityIds.Select(l => (IReadOnlyList<CellKey>)[Agreed(l), Disagreed(l)]).ToList(),
                localityIds.Select(l => Loc(l, "all")).ToList(),
                [AgreedAll, DisagreedAll],
                Partnership("all")),
        };

        var rates = new List<DisclosureCell>();
        foreach (int l in localityIds)
        {
            rates.Add(Rate(new CellKey($"agreement|L{l}"), Agreed(l), Loc(l, "all"), withInterval: true));
            rates.Add(Rate(new CellKey($"top-share|L{l}"), Loc(l, "4"), Loc(l, "all"), withInterval: false));
            long cases = truth[Loc(l, "all")];
            rates.Add(new StatisticCell(new CellKey($"kappa|L{l}"), cases == 0 ? null : 0.1 + (0.01 * (l + 1)), cases) { Reveals = [Disagreed(l)] });
        }

        rates.Add(Rate(new CellKey("agreement|P"), AgreedAll, Partnership("all"), withInterval: true));
        tables.Add(new DisclosureTable("agreement-rates", rates));

        var links = new List<AdditiveRelation>();
        foreach (int a in areas)
        {
            var members = localityIds.Where(l => areaOfLocality[l] == a).ToList();
            foreach (string level in LevelNames.Append("all"))
            {
                links.Add(new AdditiveRelation(Area(a, level), members.Select(l => Loc(l, level)).ToList())
                {
                    Description = members.Count == 1 ? "area made of a single locality" : "area = sum of its localities",
                });
            }
        }

        Request = new DisclosureRequest(tables) { Links = links };

        // Rate differences are quantities too (96% of 25 reveals one disagreement).
        foreach (var rate in tables.SelectMany(t => t.Cells).OfType<RateCell>())
        {
            truth[CellKey.Difference(rate.Denominator.Key, rate.Numerator.Key)] = truth[rate.Denominator.Key] - truth[rate.Numerator.Key];
        }
    }

    public DisclosureRequest Request { get; }

    public IReadOnlyDictionary<CellKey, long> Truth => truth;

    private static CellKey AgreedAll => new("agreed|P");

    private static CellKey DisagreedAll => new("disagreed|P");

    public static CellKey Loc(int locality, string level) => new($"n|L{locality}|{level}");

    public static CellKey Partnership(string level) => new($"n|P|{level}");

    public static CellKey Area(int area, string level) => new($"n|A{area}|{level}");

    public static CellKey Month(int month, string level) => new($"n|P|M{month}|{level}");

    public static CellKey LocMonth(int locality, int month) => new($"n|L{locality}|M{month}|all");

    public static CellKey Agreed(int locality) => new($"agreed|L{locality}");

    public static CellKey Disagreed(int locality) => new($"disagreed|L{locality}");

    private static long Sum(long[,,] counts, int? locality, int? month, int? level)
    {
        long sum = 0;
        for (int l = 0; l < counts.GetLength(0); l++)
        {
            for (int m = 0; m < counts.GetLength(1); m++)
            {
                for (int k = 0; k < counts.GetLength(2); k++)
                {
                    if ((locality ?? l) == l && (month ?? m) == m && (level ?? k) == k)
                    {
                        sum += counts[l, m, k];
                    }
                }
            }
        }

        return sum;
    }

    private void Set(CellKey key, long value) => truth[key] = value;

    private RateCell Rate(CellKey id, CellKey numerator, CellKey denominator, bool withInterval)
    {
        long top = truth[numerator];
        long bottom = truth[denominator];
        return new RateCell(id, new Quantity(numerator, top), new Quantity(denominator, bottom))
        {
            Interval = withInterval && bottom > 0 ? WilsonScore.Estimate(top, bottom).Interval : null,
        };
    }

    private DisclosureTable Grid(
        string id,
        IReadOnlyList<IReadOnlyList<CellKey>> inner,
        List<CellKey> rowTotals,
        IReadOnlyList<CellKey> columnTotals,
        CellKey grandTotal,
        int provisionalRow = -1)
    {
        var cells = new List<DisclosureCell>();
        for (int r = 0; r < inner.Count; r++)
        {
            cells.AddRange(inner[r].Select(key => new CountCell(key, truth[key]) { Provisional = r == provisionalRow }));
            cells.Add(new CountCell(rowTotals[r], truth[rowTotals[r]]) { Provisional = r == provisionalRow });
        }

        cells.AddRange(columnTotals.Select(key => new CountCell(key, truth[key])));
        cells.Add(new CountCell(grandTotal, truth[grandTotal]));
        return new DisclosureTable(id, cells) { Relations = AdditiveRelations.ForGrid(inner, rowTotals, columnTotals, grandTotal) };
    }
}
