namespace Warehouse.Reports.Charts;

/// <summary>A unit's position against the funnel limits (METRICS.md): within 95%, a warning between 95% and 99.8%, flagged outside 99.8%.</summary>
internal enum FunnelFlag
{
    Within,
    High,
    Low,
    Above,
    Below,
}
