namespace Warehouse.Analytics.Runs;

/// <summary>A month a run reports: how many consultations it has and how many are pending at the cut-off.</summary>
internal sealed record MonthStatus(DateOnly Period, string Label, bool InTrend, long Consultations, long Pending)
{
    /// <summary>Actual levels partly pending: measures that use them are provisional (<c>[p]</c>).</summary>
    public bool Provisional => Pending > 0;
}
