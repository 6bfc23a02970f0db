namespace Warehouse.Analytics.Checks.Agreement;

/// <summary>
/// Consultations of a month that a comparison could not count, by reason
/// (<c>analytics.not_assessable</c>). With the assessable cases they add up to the month's consultations.
/// </summary>
public sealed record NotAssessableRow
{
    /// <summary>The run that produced the row.</summary>
    public required string RunId { get; init; }

    /// <summary>The comparison.</summary>
    public required string Comparison { get; init; }

    /// <summary>The first day of the month.</summary>
    public required DateOnly Period { get; init; }

    /// <summary>
    /// Why: <c>no recommended level recorded</c>, <c>actual pending</c>, <c>actual implied only</c>,
    /// <c>actual not derived</c>, <c>no caller level recorded</c>, <c>no indicated level</c>,
    /// <c>not audited</c>, <c>level outside 1-4</c>.
    /// </summary>
    public required string Reason { get; init; }

    /// <summary>How many consultations.</summary>
    public required long Consultations { get; init; }
}
