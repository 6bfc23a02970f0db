using Warehouse.Analytics.Disclosure;
using Warehouse.Analytics.Statistics;

namespace Warehouse.Analytics.Tests.Disclosure;

public class DisclosureControlTests
{
    private static CellKey K(string key) => new(key);

    private static string Shown(DisclosureResult result, string table, string id) => result[table][K(id)].Figure.ToString();

    [Theory]
    [InlineData(0, "0")]
    [InlineData(1, "[c]")]
    [InlineData(5, "[c]")]
    [InlineData(6, "6")]
    [InlineData(123456789, "123456789")]
    public void Counts_OneToFiveAreConfidential_ZeroIsATrueZero_NothingIsRounded(long value, string expected)
    {
        var request = new DisclosureRequest([new DisclosureTable("t", [new CountCell(K("a"), value)])]);

        Assert.Equal(expected, Shown(DisclosureControl.Apply(request), "t", "a"));
    }

    [Fact]
    public void Counts_ThresholdIsConfiguration()
    {
        var request = new DisclosureRequest([new DisclosureTable("t", [new CountCell(K("a"), 3), new CountCell(K("b"), 4)])]);

        var result = DisclosureControl.Apply(request, new DisclosureOptions { Threshold = 3 });

        Assert.Equal("[c]", Shown(result, "t", "a"));
        Assert.Equal("4", Shown(result, "t", "b"));
    }

    [Fact]
    public void Secondary_HidesTheSmallestNonZeroCellsInTheRowAndColumn()
    {
        //        x    y    z  | total
        //  A     3   10   12  |   25
        //  B     8    9   20  |   37
        //       11   19   32  |   62
        // A.x is primary. Row A: smallest non-zero other is A.y (10). Column x: B.x (8). Column y now
        // has only A.y hidden: B.y (9). Rows and columns then each hold two hidden cells.
        var table = Grid("t", ["A", "B"], ["x", "y", "z"], new long[,] { { 3, 10, 12 }, { 8, 9, 20 } });

        var result = DisclosureControl.Apply(new DisclosureRequest([table]));

        var hidden = result["t"].Cells.Where(c => c.Figure.Symbol == DisclosureSymbol.Confidential).Select(c => c.Id.Value).Order(StringComparer.Ordinal);
        Assert.Equal(["A|x", "A|y", "B|x", "B|y"], hidden);
        Assert.Equal(SuppressionRule.SmallCount, result["t"][K("A|x")].Reason!.Rule);
        Assert.Equal(SuppressionRule.Complementary, result["t"][K("A|y")].Reason!.Rule);
        Assert.Contains("A|x", result["t"][K("A|y")].Reason!.Detail, StringComparison.Ordinal);
        Assert.Equal("62", Shown(result, "t", "total|total"));
    }

    [Fact]
    public void Secondary_PrefersNonZeroCells()
    {
        // Row: 4, 0, 0, 30 → 34. The zeros are not hidden; the 30 is.
        var table = new DisclosureTable("t", [new CountCell(K("a"), 4), new CountCell(K("b"), 0), new CountCell(K("c"), 0), new CountCell(K("d"), 30), new CountCell(K("t"), 34)])
        {
            Relations = [AdditiveRelations.SumOf(K("t"), K("a"), K("b"), K("c"), K("d"))],
        };

        var result = DisclosureControl.Apply(new DisclosureRequest([table]));

        Assert.Equal("0", Shown(result, "t", "b"));
        Assert.Equal("0", Shown(result, "t", "c"));
        Assert.Equal("[c]", Shown(result, "t", "d"));
        Assert.Equal("34", Shown(result, "t", "t"));
    }

    [Fact]
    public void Secondary_IsConsistentAcrossTablesThatShareATotal()
    {
        // The partnership-by-level totals (P|x, P|y, ...) appear in a locality table and in a month
        // table. Whatever is hidden in one is hidden in the other, and the month table then needs its
        // own complementary suppressions.
        var localities = Grid("loc", ["L1", "L2"], ["x", "y"], new long[,] { { 2, 30 }, { 7, 40 } }, "P");
        var months = Grid("month", ["Jan", "Feb"], ["x", "y"], new long[,] { { 4, 33 }, { 5, 37 } }, "P");

        var result = DisclosureControl.Apply(new DisclosureRequest([localities, months]));

        foreach (var cell in result["loc"].Cells)
        {
            var same = result["month"].Cells.FirstOrDefault(c => c.Id == cell.Id);
            if (same is not null)
            {
                Assert.Equal(cell.Figure, same.Figure);
            }
        }

        Assert.Equal("[c]", Shown(result, "month", "Jan|x"));
        Assert.Equal("[c]", Shown(result, "month", "Feb|x"));
    }

    [Fact]
    public void Secondary_AreaMadeOfOneLocalityIsSuppressedWithIt()
    {
        // Locality L3 is hidden by secondary suppression in the locality table; the area "Coast"
        // consists of L3 alone, so its figure must be hidden too.
        var localities = Grid("loc", ["L1", "L3"], ["x", "y"], new long[,] { { 3, 20 }, { 12, 25 } }, "P");
        var areas = new DisclosureTable("area", [new CountCell(K("Coast|total"), 37), new CountCell(K("Coast|y"), 25)]);
        var request = new DisclosureRequest([localities, areas])
        {
            Links = [AdditiveRelations.SameAs(K("Coast|total"), K("L3|total")), AdditiveRelations.SameAs(K("Coast|y"), K("L3|y"))],
        };

        var result = DisclosureControl.Apply(request);

        Assert.Equal(Shown(result, "loc", "L3|total"), Shown(result, "area", "Coast|total"));
        Assert.Equal(Shown(result, "loc", "L3|y"), Shown(result, "area", "Coast|y"));
    }

    [Fact]
    public void Secondary_ClosesDifferencesOfTotalsAcrossTables()
    {
        // T = A + B + C (one table), S = A + B (another). C = 3 is primary; row T hides A, then S hides B,
        // leaving C = T − S. The linear-algebra pass must hide S (the smaller of T and S) as well.
        var first = new DisclosureTable("first", [new CountCell(K("A"), 10), new CountCell(K("B"), 20), new CountCell(K("C"), 3), new CountCell(K("T"), 33)])
        {
            Relations = [AdditiveRelations.SumOf(K("T"), K("A"), K("B"), K("C"))],
        };
        var second = new DisclosureTable("second", [new CountCell(K("A"), 10), new CountCell(K("B"), 20), new CountCell(K("S"), 30)])
        {
            Relations = [AdditiveRelations.SumOf(K("S"), K("A"), K("B"))],
        };

        var result = DisclosureControl.Apply(new DisclosureRequest([first, second]));

        Assert.Equal("[c]", Shown(result, "first", "A"));
        Assert.Equal("[c]", Shown(result, "second", "B"));
        Assert.Equal("[c]", Shown(result, "second", "S"));
        Assert.Equal("33", Shown(result, "first", "T"));
        Assert.Contains("combining totals", result["second"][K("S")].Reason!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Rate_NinetySixPercentOfTwentyFiveRevealsOneDisagreement()
    {
        // METRICS.md: a rate is [c] when numerator, denominator or their difference is 1–5. The agreed and
        // total counts shown in another table must not give the difference away either.
        var counts = new DisclosureTable("counts", [new CountCell(K("agreed"), 24), new CountCell(K("total"), 25)]);
        var rates = new DisclosureTable("rates", [new RateCell(K("agreement"), new Quantity(K("agreed"), 24), new Quantity(K("total"), 25))]);

        var result = DisclosureControl.Apply(new DisclosureRequest([counts, rates]));

        Assert.Equal("[c]", Shown(result, "rates", "agreement"));
        Assert.Equal(SuppressionRule.RateDifference, result["rates"][K("agreement")].Reason!.Rule);
        Assert.Equal("[c]", Shown(result, "counts", "agreed"));
        Assert.Equal("25", Shown(result, "counts", "total"));
    }

    [Theory]
    [InlineData(3, 40, "[c]")]    // numerator 1–5
    [InlineData(0, 4, "[c]")]     // denominator 1–5
    [InlineData(8, 15, "[u]")]    // fewer than 20 cases
    [InlineData(12, 30, "40.0")]
    [InlineData(49, 400, "12.3")] // 12.25: half away from zero
    [InlineData(0, 30, "0.0")]    // a true zero
    [InlineData(30, 30, "100.0")]
    public void Rate_Rules(long numerator, long denominator, string expected)
    {
        var request = new DisclosureRequest([new DisclosureTable("t", [new RateCell(K("r"), new Quantity(K("n"), numerator), new Quantity(K("d"), denominator))])]);

        Assert.Equal(expected, Shown(DisclosureControl.Apply(request), "t", "r"));
    }

    [Fact]
    public void Rate_ToAReferencePopulation_MayExceedItsDenominator()
    {
        // 833,000 consultations in a month against 120,000 children: 69,417 per 10,000 children.
        var request = new DisclosureRequest([new DisclosureTable("t",
            [new RateCell(K("r"), new Quantity(K("consultations"), 833_000), new Quantity(K("children"), 120_000)) { Multiplier = 10_000m, Decimals = 0 }])]);

        Assert.Equal("69417", Shown(DisclosureControl.Apply(request), "t", "r"));
    }

    [Fact]
    public void Rate_NoCases_IsNotAvailable()
    {
        var request = new DisclosureRequest([new DisclosureTable("t", [new RateCell(K("r"), new Quantity(K("n"), 0), new Quantity(K("d"), 0))])]);

        Assert.Equal("[x]", Shown(DisclosureControl.Apply(request), "t", "r"));
    }

    [Fact]
    public void Rate_PerTenThousandAndLowFigures()
    {
        var perTenThousand = new RateCell(K("rate"), new Quantity(K("consultations"), 30), new Quantity(K("children"), 40000))
        {
            Multiplier = 10000m,
            ApplyMinimumCases = false,
        };
        var tiny = new RateCell(K("share"), new Quantity(K("rare"), 7), new Quantity(K("children"), 40000));
        var request = new DisclosureRequest([new DisclosureTable("t", [perTenThousand, tiny])]);

        var result = DisclosureControl.Apply(request);

        Assert.Equal("7.5", Shown(result, "t", "rate"));
        Assert.Equal("[low]", Shown(result, "t", "share"));
        Assert.Equal(SuppressionRule.RoundsToZero, result["t"][K("share")].Reason!.Rule);
    }

    [Fact]
    public void Rate_IntervalIsPublishedWithTheRateAndHiddenWithIt()
    {
        var shown = new RateCell(K("r1"), new Quantity(K("a1"), 30), new Quantity(K("n1"), 40)) { Interval = WilsonScore.Estimate(30, 40).Interval };
        var hidden = new RateCell(K("r2"), new Quantity(K("a2"), 37), new Quantity(K("n2"), 40)) { Interval = WilsonScore.Estimate(37, 40).Interval };

        var result = DisclosureControl.Apply(new DisclosureRequest([new DisclosureTable("t", [shown, hidden])]));

        var first = result["t"][K("r1")];
        Assert.Equal("75.0", first.Figure.ToString());
        Assert.Equal("59.8", first.Lower.ToString());
        Assert.Equal("85.8", first.Upper.ToString());
        Assert.Equal("[c]", result["t"][K("r2")].Lower.ToString());
        Assert.Equal("[c]", result["t"][K("r2")].Upper.ToString());
    }

    [Fact]
    public void Statistic_FollowsTheReliabilityRule()
    {
        var cells = new DisclosureCell[]
        {
            new StatisticCell(K("kappa"), 0.4567, 40) { Interval = new ConfidenceInterval(0.2101, 0.7033) },
            new StatisticCell(K("few"), 0.61, 19),
            new StatisticCell(K("none"), null, 0),
            new StatisticCell(K("undefined"), null, 25) { NotApplicable = true },
            new StatisticCell(K("tiny"), 0.004, 50),
            new StatisticCell(K("negative"), -0.12, 50),
        };

        var result = DisclosureControl.Apply(new DisclosureRequest([new DisclosureTable("t", cells)]));

        Assert.Equal("0.46", Shown(result, "t", "kappa"));
        Assert.Equal("0.21", result["t"][K("kappa")].Lower.ToString());
        Assert.Equal("[u]", Shown(result, "t", "few"));
        Assert.Equal("[x]", Shown(result, "t", "none"));
        Assert.Equal("[z]", Shown(result, "t", "undefined"));
        Assert.Equal("[low]", Shown(result, "t", "tiny"));
        Assert.Equal("-0.12", Shown(result, "t", "negative"));
    }

    [Fact]
    public void Statistic_MinimumIsConfiguration()
    {
        var request = new DisclosureRequest([new DisclosureTable("t", [new StatisticCell(K("kappa"), 0.5, 25)])]);

        Assert.Equal("0.50", Shown(DisclosureControl.Apply(request), "t", "kappa"));
        Assert.Equal("[u]", Shown(DisclosureControl.Apply(request, new DisclosureOptions { MinimumCases = 30 }), "t", "kappa"));
    }

    [Fact]
    public void Statistic_ThatWouldRevealASuppressedCountIsConfidential()
    {
        var table = new DisclosureTable("t", [new CountCell(K("disagreed"), 2), new StatisticCell(K("kappa"), 0.81, 60) { Reveals = [K("disagreed")] }]);

        var result = DisclosureControl.Apply(new DisclosureRequest([table]));

        Assert.Equal("[c]", Shown(result, "t", "kappa"));
        Assert.Equal(SuppressionRule.RevealsSuppressed, result["t"][K("kappa")].Reason!.Rule);
    }

    [Fact]
    public void Statistic_NaNIsRejected()
    {
        var request = new DisclosureRequest([new DisclosureTable("t", [new StatisticCell(K("kappa"), double.NaN, 60)])]);

        Assert.Throws<ArgumentException>(() => DisclosureControl.Apply(request));
    }

    [Fact]
    public void Markers_ProvisionalAndRevisedCombineWithValuesOnly()
    {
        var cells = new DisclosureCell[]
        {
            new CountCell(K("jan"), 12) { Provisional = true },
            new CountCell(K("feb"), 3) { Provisional = true },
            new CountCell(K("mar"), 40),
            new CountCell(K("apr"), 41),
            new CountCell(K("may"), 50) { Provisional = true },
        };
        var previous = new Dictionary<CellKey, PublishedFigure>
        {
            [K("mar")] = PublishedFigure.Of(40, 0),
            [K("apr")] = PublishedFigure.Of(39, 0),
            [K("may")] = PublishedFigure.Shown(DisclosureSymbol.Confidential),
        };
        var request = new DisclosureRequest([new DisclosureTable("t", cells)]) { Previous = previous };

        var result = DisclosureControl.Apply(request);

        Assert.Equal("12 [p]", Shown(result, "t", "jan"));
        Assert.Equal("[c]", Shown(result, "t", "feb"));
        Assert.Equal("40", Shown(result, "t", "mar"));
        Assert.Equal("41 [r]", Shown(result, "t", "apr"));
        Assert.Equal("50 [p]", Shown(result, "t", "may"));
        Assert.Equal(FigureMarkers.Provisional, result["t"][K("jan")].Figure.Markers);
    }

    [Fact]
    public void Counts_NotAvailableAndNotApplicable()
    {
        var request = new DisclosureRequest([new DisclosureTable("t", [new CountCell(K("a"), null), new CountCell(K("b"), null) { NotApplicable = true }])]);

        var result = DisclosureControl.Apply(request);

        Assert.Equal("[x]", Shown(result, "t", "a"));
        Assert.Equal("[z]", Shown(result, "t", "b"));
    }

    [Fact]
    public void Notes_StateTheThresholdAndTheMinimum()
    {
        var result = DisclosureControl.Apply(new DisclosureRequest([]), new DisclosureOptions { Threshold = 10, MinimumCases = 30 });

        Assert.Contains("from 1 to 10 are shown as [c]", result.Notes, StringComparison.Ordinal);
        Assert.Contains("fewer than 30 cases", result.Notes, StringComparison.Ordinal);
        Assert.Contains("1 decimal place;", DisclosureOptions.Default.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Validation_CatchesInconsistentPacks()
    {
        var twoValues = new DisclosureRequest([new DisclosureTable("a", [new CountCell(K("x"), 10)]), new DisclosureTable("b", [new CountCell(K("x"), 11)])]);
        var badTotal = new DisclosureRequest([new DisclosureTable("a", [new CountCell(K("x"), 10), new CountCell(K("y"), 12), new CountCell(K("t"), 23)])
        {
            Relations = [AdditiveRelations.SumOf(K("t"), K("x"), K("y"))],
        }]);
        var unknownKey = new DisclosureRequest([new DisclosureTable("a", [new CountCell(K("x"), 10)])])
        {
            Links = [AdditiveRelations.SameAs(K("x"), K("nowhere"))],
        };

        Assert.Throws<ArgumentException>(() => DisclosureControl.Apply(twoValues));
        Assert.Throws<ArgumentException>(() => DisclosureControl.Apply(badTotal));
        Assert.Throws<KeyNotFoundException>(() => DisclosureControl.Apply(unknownKey));
    }

    /// <summary>A grid with row totals "{row}|total", column totals "{totalRow}|{column}" and the corner "{totalRow}|total".</summary>
    internal static DisclosureTable Grid(string id, string[] rows, string[] columns, long[,] values, string totalRow = "total")
    {
        var cells = new List<DisclosureCell>();
        var inner = new List<IReadOnlyList<CellKey>>();
        for (int r = 0; r < rows.Length; r++)
        {
            var keys = new List<CellKey>();
            long sum = 0;
            for (int c = 0; c < columns.Length; c++)
            {
                var key = K($"{rows[r]}|{columns[c]}");
                keys.Add(key);
                cells.Add(new CountCell(key, values[r, c]));
                sum += values[r, c];
            }

            inner.Add(keys);
            cells.Add(new CountCell(K($"{rows[r]}|total"), sum));
        }

        long grand = 0;
        for (int c = 0; c < columns.Length; c++)
        {
            long sum = 0;
            for (int r = 0; r < rows.Length; r++)
            {
                sum += values[r, c];
            }

            grand += sum;
            cells.Add(new CountCell(K($"{totalRow}|{columns[c]}"), sum));
        }

        cells.Add(new CountCell(K($"{totalRow}|total"), grand));
        return new DisclosureTable(id, cells)
        {
            Relations = AdditiveRelations.ForGrid(
                inner,
                rows.Select(r => K($"{r}|total")).ToList(),
                columns.Select(c => K($"{totalRow}|{c}")).ToList(),
                K($"{totalRow}|total")),
        };
    }
}
