namespace Warehouse.Reports.Charts;

/// <summary>The words around every chart.</summary>
/// <param name="Title">States the finding ("Agreement is lowest in the City locality"), not the measure.</param>
/// <param name="Subtitle">What is measured, where and when ("Agreement rate with 95% confidence interval, by locality, September 2026").</param>
/// <param name="Source">Source and period, printed under every chart ("Source: front door records, September 2026").</param>
internal sealed record ChartLabels(string Title, string Subtitle, string Source)
{
    /// <summary>A summary for screen readers; the chart adds its data as text after it.</summary>
    public string? Summary { get; init; }

    /// <summary>Further footnotes, e.g. the suppression rule.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
