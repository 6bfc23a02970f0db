using Warehouse.Analytics.Disclosure;
using Warehouse.Reports.Charts;
using Warehouse.Reports.Packs.Data;
using Warehouse.Reports.Packs.Figures;

namespace Warehouse.Reports.Packs.Charts;

/// <summary>What every chart of a pack needs: the data's labels and the published figures, read as the charts want them.</summary>
internal sealed class ChartContext(PackData data, PublishedFigures figures)
{
    private const string Comparison = "recommended_to_actual";

    public PackData Data { get; } = data;

    public PublishedFigures Figures { get; } = figures;

    public string ConsistencyMonth => Data.Run.ConsistencyPeriod is DateOnly c ? Labels.Month(c) : "no complete month";

    /// <summary>The localities in the reference data's order, then any others the agreement rows have.</summary>
    public IReadOnlyList<string> Localities => Data.Localities.Select(l => l.Code)
        .Concat(Data.Agreement.Where(r => r.Comparison == Comparison && r.Grouping == "locality" && r.Period == Data.Run.ConsistencyPeriod).Select(r => r.Group))
        .Distinct(StringComparer.Ordinal)
        .Where(l => Figures.Has(Key(l, "agreement")))
        .ToList();

    /// <summary>The partnership (null) or a locality's headline-comparison figure in the consistency month.</summary>
    public CellKey Key(string? locality, string measure) => Data.Run.ConsistencyPeriod is DateOnly c
        ? new FigureId(c, locality is null ? "partnership" : "locality", locality ?? Data.Run.Partnership, Comparison, measure).Key
        : new FigureId(Data.Run.Period, "none", "none", Comparison, measure).Key;

    /// <summary>A published percentage as a proportion for the charts (12.3 → 0.123); null when not shown.</summary>
    public double? Proportion(CellKey key, FigurePart part = FigurePart.Value) =>
        Figures.Has(key) && Figures.Value(key, part) is { } percent ? percent / 100 : null;

    /// <summary>A published value in its own unit; null when hidden or not a figure of the pack.</summary>
    public double? Value(CellKey key) => Figures.Has(key) ? Figures.Value(key) : null;

    public string? Symbol(CellKey key) => Figures.Has(key) ? Figures.Symbol(key) : "[x]";

    /// <summary>A trend month's headline-comparison rate, as a proportion.</summary>
    public double? MonthRate(DateOnly month, string measure) => Proportion(MonthKey(month, Comparison, measure));

    /// <summary>The whole partnership's figure for a month (trend points and partnership rows share it).</summary>
    public CellKey MonthKey(DateOnly month, string? comparison, string measure) =>
        new FigureId(month, "partnership", Data.Run.Partnership, comparison, measure).Key;

    /// <summary>The groups with a published matrix: partnership first, then localities in the reference data's order.</summary>
    public IReadOnlyList<(DateOnly Period, string Grouping, string Group)> MatrixGroups()
    {
        var order = Data.Localities.Select((l, i) => (l.Code, Index: i)).ToDictionary(p => p.Code, p => p.Index, StringComparer.Ordinal);
        return Data.Matrices
            .Select(m => (m.Period, m.Grouping, m.Group))
            .Distinct()
            .OrderBy(g => g.Grouping == "partnership" ? 0 : 1)
            .ThenBy(g => order.GetValueOrDefault(g.Group, int.MaxValue))
            .ThenBy(g => g.Group, StringComparer.Ordinal)
            .ToList();
    }

    public ChartLabels Words(string title, string subtitle) => new(title, subtitle,
        $"Source: {Data.PartnershipName} front-door consultations and Annex A returns, check run {Data.Run.RunId[..Math.Min(8, Data.Run.RunId.Length)]}, data cut-off {Labels.Date(Data.Run.DataCutOff)}.")
    {
        Summary = title + ".",
    };
}
