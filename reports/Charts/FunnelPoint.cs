namespace Warehouse.Reports.Charts;

/// <summary>One unit (locality, agency) on a funnel plot.</summary>
/// <param name="Label">Unit name, printed beside the point.</param>
/// <param name="Denominator">Number of cases (the x position).</param>
/// <param name="Value">The unit's rate; null when suppressed or unavailable (not plotted, named in a note).</param>
/// <param name="Flag">Its flag as the analytics computed it.</param>
internal sealed record FunnelPoint(string Label, double Denominator, double? Value, FunnelFlag Flag = FunnelFlag.Within);
