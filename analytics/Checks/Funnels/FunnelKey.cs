namespace Warehouse.Analytics.Checks.Funnels;

/// <summary>Identifies one funnel plot of a run.</summary>
internal readonly record struct FunnelKey(string RunId, string Comparison, string Measure, DateOnly Period, string Grouping);
