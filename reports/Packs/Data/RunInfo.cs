namespace Warehouse.Reports.Packs.Data;

/// <summary>The check run a pack is built from (<c>analytics.check_runs</c>).</summary>
internal sealed record RunInfo(
    string RunId,
    string Partnership,
    DateOnly Period,
    DateOnly? ConsistencyPeriod,
    DateOnly WindowPeriod,
    DateOnly TrendStart,
    DateOnly DataCutOff,
    bool CutOffGiven,
    string FrameworkVersions,
    int WindowDays,
    int MinimumCases,
    int DecisionWorkingDays,
    int TopLevel,
    string SoftwareVersion,
    DateTimeOffset FinishedAt)
{
    /// <summary>The 13 months of the trend, oldest first.</summary>
    public IReadOnlyList<DateOnly> TrendMonths =>
        Enumerable.Range(0, 13).Select(TrendStart.AddMonths).Where(m => m <= Period).ToList();
}
