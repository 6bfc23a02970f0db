namespace Warehouse.Reports.Charts;

/// <summary>Horizontal stacked bars, e.g. the mix of levels by locality.</summary>
internal sealed record StackedBarChartSpec(ChartLabels Labels, IReadOnlyList<string> Categories, IReadOnlyList<StackSegment> Segments, ValueFormat Format)
{
    public string? ValueAxisTitle { get; init; }

    /// <summary>Fixed axis maximum (1 for shares); otherwise the largest total.</summary>
    public double? DomainMax { get; init; }

    public ChartSize Size { get; init; } = ChartSize.Default;
}
