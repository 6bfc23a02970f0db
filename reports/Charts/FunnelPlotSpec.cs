namespace Warehouse.Reports.Charts;

/// <summary>A funnel plot: units by number of cases and rate, around a target with 95% and 99.8% limits.</summary>
/// <param name="Labels">Titles and notes.</param>
/// <param name="Points">The units.</param>
/// <param name="Target">The centre line (the partnership value).</param>
/// <param name="Limits">Limit values along the denominator, in increasing order.</param>
/// <param name="Format">How rates are written.</param>
internal sealed record FunnelPlotSpec(ChartLabels Labels, IReadOnlyList<FunnelPoint> Points, double Target, IReadOnlyList<FunnelLimit> Limits, ValueFormat Format)
{
    public string TargetLabel { get; init; } = "Partnership value";

    public string XAxisTitle { get; init; } = "Number of cases";

    public string? YAxisTitle { get; init; }

    /// <summary>Print each unit's name beside its point.</summary>
    public bool LabelPoints { get; init; } = true;

    public ChartSize Size { get; init; } = ChartSize.Default;
}
