namespace Warehouse.Reports.Packs.Data;

/// <summary>A unit's flag on a funnel (<c>analytics.funnel_points</c>): within, high, low, above or below.</summary>
internal sealed record FunnelUnitFlag(string Comparison, string Measure, string Grouping, string Unit, string? Flag);
