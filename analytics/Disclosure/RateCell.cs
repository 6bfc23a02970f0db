using Warehouse.Analytics.Statistics;

namespace Warehouse.Analytics.Disclosure;

/// <summary>
/// A rate or percentage: numerator / denominator × <see cref="Multiplier"/>.
/// </summary>
/// <param name="Id">The rate's own identity.</param>
/// <param name="Numerator">The count on top; its key links it to count cells showing the same number.</param>
/// <param name="Denominator">The count below; likewise linked by key.</param>
internal sealed record RateCell(CellKey Id, Quantity Numerator, Quantity Denominator) : DisclosureCell(Id)
{
    /// <summary>100 for a percentage, 10,000 for a rate per 10,000 children, 1 for a proportion.</summary>
    public decimal Multiplier { get; init; } = 100m;

    /// <summary>Decimal places; null for <see cref="DisclosureOptions.RateDecimals"/>.</summary>
    public int? Decimals { get; init; }

    /// <summary>
    /// Whether the low-reliability rule applies (<c>[u]</c> when the denominator is below the minimum):
    /// true for statistics such as the agreement and over/under rates; false for, e.g., rates per 10,000
    /// children where the denominator is a population.
    /// </summary>
    public bool ApplyMinimumCases { get; init; } = true;

    /// <summary>An interval for the proportion (numerator / denominator, before the multiplier), e.g. Wilson 95%.</summary>
    public ConfidenceInterval? Interval { get; init; }
}
