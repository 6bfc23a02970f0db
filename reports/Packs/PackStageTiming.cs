namespace Warehouse.Reports.Packs;

/// <summary>How long one stage of a pack run took (for the run log and the benchmark).</summary>
/// <param name="Stage">e.g. "read", "disclosure control", "workbook", "charts".</param>
/// <param name="Elapsed">Wall-clock time.</param>
public sealed record PackStageTiming(string Stage, TimeSpan Elapsed);
