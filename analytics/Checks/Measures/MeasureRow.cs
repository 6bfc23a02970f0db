namespace Warehouse.Analytics.Checks.Measures;

/// <summary>
/// One row of <c>analytics.measures</c>: one statistic for one group and month, tidy, so that
/// months and runs can be compared by joining on (period, grouping, group_value, comparison, measure).
/// </summary>
public sealed record MeasureRow
{
    /// <summary>The run that produced the row.</summary>
    public required string RunId { get; init; }

    /// <summary>The first day of the month the row covers.</summary>
    public required DateOnly Period { get; init; }

    /// <summary>What the result is broken down by: <c>partnership</c>, <c>locality</c>, <c>month</c>, <c>recommended_level</c>, ….</summary>
    public required string Grouping { get; init; }

    /// <summary>The group: a locality code, an agency code, a month as <c>yyyy-MM</c>, ….</summary>
    public required string GroupValue { get; init; }

    /// <summary>The comparison for agreement measures (e.g. <c>recommended_to_actual</c>); null for pathway and practice measures.</summary>
    public string? Comparison { get; init; }

    /// <summary>The measure, e.g. <c>agreement</c>, <c>kappa_linear</c>, <c>conversion_to_referral</c>.</summary>
    public required string Measure { get; init; }

    /// <summary>
    /// What <see cref="Value"/> is: <c>proportion</c>, <c>kappa</c>, <c>per_10000</c>, <c>working_days</c>,
    /// <c>score</c>, or for a count what is counted (<c>consultations</c>, <c>children</c>, <c>referrals</c>, …).
    /// </summary>
    public required string Unit { get; init; }

    /// <summary>The value; null when <see cref="Status"/> is not <c>available</c>.</summary>
    public double? Value { get; init; }

    /// <summary>Lower bound of the 95% interval, where one applies.</summary>
    public double? Lower { get; init; }

    /// <summary>Upper bound of the 95% interval, where one applies.</summary>
    public double? Upper { get; init; }

    /// <summary>The count the value is made of (events, or the cases a statistic rests on).</summary>
    public long? Numerator { get; init; }

    /// <summary>What the count is out of (cases, population).</summary>
    public long? Denominator { get; init; }

    /// <summary><c>available</c>, <c>not_applicable</c> (<c>[z]</c>) or <c>not_available</c> (<c>[x]</c>).</summary>
    public required string Status { get; init; }

    /// <summary>
    /// The funnel flag (<c>within</c>, <c>high</c>, <c>low</c>, <c>above</c>, <c>below</c>) for agreement
    /// measures by locality and caller agency; <c>higher</c>, <c>similar</c> or <c>lower</c> against the
    /// England value where one is set; otherwise null.
    /// </summary>
    public string? Flag { get; init; }

    /// <summary>The month's figures may still change: its actual levels (or windows) are partly open (<c>[p]</c>).</summary>
    public required bool Provisional { get; init; }
}
