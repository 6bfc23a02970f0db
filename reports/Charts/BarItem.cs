namespace Warehouse.Reports.Charts;

/// <summary>One bar: a value with an optional confidence interval. No value (suppressed or unavailable) leaves a gap, never a zero bar.</summary>
/// <param name="Label">Category label (locality, agency).</param>
/// <param name="Value">The value; null when suppressed or unavailable.</param>
/// <param name="Lower">Lower confidence limit.</param>
/// <param name="Upper">Upper confidence limit.</param>
internal sealed record BarItem(string Label, double? Value, double? Lower = null, double? Upper = null)
{
    /// <summary>The symbol published in the table for a missing value, e.g. <c>[c]</c> or <c>[u]</c>; shown in the gap.</summary>
    public string? Symbol { get; init; }
}
