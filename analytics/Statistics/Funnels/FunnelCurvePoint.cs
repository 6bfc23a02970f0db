namespace Warehouse.Analytics.Statistics;

/// <summary>The control limits at one unit size, for drawing the funnel.</summary>
internal readonly record struct FunnelCurvePoint(long Size, FunnelLimits Limits);
