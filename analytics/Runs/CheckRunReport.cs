namespace Warehouse.Analytics.Runs;

/// <summary>A finished run: its id and where the time went (for the benchmark).</summary>
internal sealed record CheckRunReport(string RunId, IReadOnlyList<StageTiming> Timings)
{
    public TimeSpan Total => Timings.Aggregate(TimeSpan.Zero, (sum, t) => sum + t.Elapsed);
}
