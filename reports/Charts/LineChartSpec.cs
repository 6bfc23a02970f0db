namespace Warehouse.Reports.Charts;

/// <summary>A trend: one or more lines over ordered categories (e.g. 13 months).</summary>
internal sealed record LineChartSpec(ChartLabels Labels, IReadOnlyList<string> Categories, IReadOnlyList<LineSeries> Series, ValueFormat Format)
{
    public string? YAxisTitle { get; init; }

    public string? XAxisTitle { get; init; }

    /// <summary>Fixed value-axis bounds; otherwise from the data (a trend need not start at zero).</summary>
    public double? DomainMin { get; init; }

    public double? DomainMax { get; init; }

    /// <summary>Index of the first provisional category [p]; the line from the point before it on is dashed.</summary>
    public int? ProvisionalFrom { get; init; }

    public ChartSize Size { get; init; } = ChartSize.Default;
}
