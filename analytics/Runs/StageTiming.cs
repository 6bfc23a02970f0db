namespace Warehouse.Analytics.Runs;

/// <summary>How long one stage of a check run took.</summary>
internal readonly record struct StageTiming(string Stage, TimeSpan Elapsed);
