namespace Warehouse.Analytics.Statistics;

/// <summary>
/// A proportion <c>Count / Total</c> with its Wilson score interval. When <see cref="Total"/> is zero
/// the proportion is not available: <see cref="Proportion"/> and <see cref="Interval"/> are null,
/// never 0 or NaN, so that the disclosure stage publishes <c>[x]</c>.
/// </summary>
internal sealed record ProportionEstimate(long Count, long Total, double? Proportion, ConfidenceInterval? Interval)
{
    public bool IsAvailable => Proportion.HasValue;
}
