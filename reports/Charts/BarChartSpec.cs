namespace Warehouse.Reports.Charts;

/// <summary>Horizontal bars with confidence-interval whiskers, e.g. agreement by locality.</summary>
internal sealed record BarChartSpec(ChartLabels Labels, IReadOnlyList<BarItem> Items, ValueFormat Format)
{
    /// <summary>What the bars show, for the legend.</summary>
    public string ValueName { get; init; } = "Value";

    /// <summary>What the whiskers show, for the legend.</summary>
    public string IntervalName { get; init; } = "95% confidence interval";

    public ReferenceLine? Reference { get; init; }

    public string? ValueAxisTitle { get; init; }

    /// <summary>Fixed axis bounds (e.g. 0 and 1 for proportions); otherwise from the data, including zero.</summary>
    public double? DomainMin { get; init; }

    public double? DomainMax { get; init; }

    public ChartSize Size { get; init; } = ChartSize.Default;
}
