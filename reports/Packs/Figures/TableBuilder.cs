using Warehouse.Analytics.Disclosure;
using Warehouse.Analytics.Statistics;

namespace Warehouse.Reports.Packs.Figures;

/// <summary>
/// Declares the figures of one pack table as disclosure cells – counts, rates with their numerator
/// and denominator quantities, statistics – and hands back references for the table's rows.
/// </summary>
internal sealed class TableBuilder
{
    private readonly FigureBook _book;
    private readonly List<DisclosureCell> _cells = [];
    private readonly HashSet<CellKey> _keys = [];

    public TableBuilder(FigureBook book, string id)
    {
        _book = book;
        Id = id;
    }

    public string Id { get; }

    /// <summary>A count; null when not available (<c>[x]</c>).</summary>
    public FigureValue Count(FigureId id, long? value, bool provisional = false)
    {
        _book.Register(id.Key, value);
        Add(new CountCell(id.Key, value) { Provisional = provisional }, new FigureInfo(id, FigureUnit.Count, null));
        return new FigureValue(id.Key, FigurePart.Value);
    }

    /// <summary>
    /// A percentage numerator / denominator × 100 with its interval (a proportion), <c>[u]</c> below the
    /// minimum number of cases. The numerator and denominator are quantities of the pack: a count cell
    /// with the same id is the same number.
    /// </summary>
    public FigureValue Percent(
        FigureId id, FigureId numerator, long? top, FigureId denominator, long? bottom,
        double? lower, double? upper, bool provisional = false, string? flag = null, bool minimumCases = true)
    {
        RegisterRate(numerator.Key, top, denominator.Key, bottom);
        var cell = new RateCell(id.Key, new Quantity(numerator.Key, top), new Quantity(denominator.Key, bottom))
        {
            Multiplier = 100m,
            Decimals = 1,
            ApplyMinimumCases = minimumCases,
            Interval = Interval(lower, upper),
            Provisional = provisional,
        };
        Add(cell, new FigureInfo(id, FigureUnit.Percent, flag));
        return new FigureValue(id.Key, FigurePart.Value);
    }

    /// <summary>A rate per 10,000 children (the denominator is a population, so the minimum-cases rule does not apply).</summary>
    public FigureValue Per10000(FigureId id, FigureId numerator, long? top, FigureId population, long? children, double? lower, double? upper)
    {
        RegisterRate(numerator.Key, top, population.Key, children);
        // The interval is given per 10,000; the disclosure stage wants it for the proportion.
        var cell = new RateCell(id.Key, new Quantity(numerator.Key, top), new Quantity(population.Key, children))
        {
            Multiplier = 10_000m,
            Decimals = 1,
            ApplyMinimumCases = false,
            Interval = lower is { } l && upper is { } u ? new ConfidenceInterval(l / 10_000, u / 10_000) : null,
        };
        Add(cell, new FigureInfo(id, FigureUnit.Per10000, null));
        return new FigureValue(id.Key, FigurePart.Value);
    }

    /// <summary>
    /// A statistic (kappa, a median) under the low-reliability rule; <c>[c]</c> when it would give away
    /// any of <paramref name="reveals"/> that is suppressed.
    /// </summary>
    public FigureValue Statistic(
        FigureId id, FigureUnit unit, double? value, long cases, int decimals,
        bool notApplicable = false, double? lower = null, double? upper = null, bool provisional = false,
        IReadOnlyList<CellKey>? reveals = null)
    {
        var cell = new StatisticCell(id.Key, notApplicable ? null : value is { } v && double.IsFinite(v) ? v : null, cases)
        {
            Decimals = decimals,
            NotApplicable = notApplicable,
            Interval = Interval(lower, upper),
            Provisional = provisional,
            // Filtered to the quantities the pack publishes when the request is made (FigureBook.Request).
            Reveals = reveals ?? [],
        };
        Add(cell, new FigureInfo(id, unit, null));
        return new FigureValue(id.Key, FigurePart.Value);
    }

    public static FigureValue Lower(FigureValue value) => value with { Part = FigurePart.Lower };

    public static FigureValue Upper(FigureValue value) => value with { Part = FigurePart.Upper };

    /// <summary>Finishes the table: its cells go into the pack's disclosure request.</summary>
    public void Complete() => _book.Add(new DisclosureTable(Id, _cells));

    private static ConfidenceInterval? Interval(double? lower, double? upper) =>
        lower is { } l && upper is { } u && double.IsFinite(l) && double.IsFinite(u) ? new ConfidenceInterval(l, u) : null;

    /// <summary>The numerator, the denominator and their difference (a quantity of its own: 96% of 25 reveals one disagreement).</summary>
    private void RegisterRate(CellKey numerator, long? top, CellKey denominator, long? bottom)
    {
        _book.Register(numerator, top);
        _book.Register(denominator, bottom);
        _book.Register(CellKey.Difference(denominator, numerator), bottom - top);
    }

    private void Add(DisclosureCell cell, FigureInfo info)
    {
        _book.Show(info);
        if (_keys.Add(cell.Id))
        {
            _cells.Add(cell);
        }
    }
}
