using System.Globalization;

namespace Warehouse.Analytics.Disclosure;

/// <summary>
/// Configuration of the disclosure stage. Every pack's notes sheet states these values
/// (<see cref="Describe"/>).
/// </summary>
internal sealed record DisclosureOptions
{
    public static DisclosureOptions Default { get; } = new();

    /// <summary>Counts from 1 to this value inclusive are suppressed as <c>[c]</c> (DfE children-in-need practice: 5).</summary>
    public int Threshold { get; init; } = 5;

    /// <summary>A statistic on fewer cases than this is <c>[u]</c>, low reliability (default 20).</summary>
    public int MinimumCases { get; init; } = 20;

    /// <summary>Decimal places for percentages and rates unless a cell says otherwise (METRICS.md: 1).</summary>
    public int RateDecimals { get; init; } = 1;

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Threshold);
        ArgumentOutOfRangeException.ThrowIfNegative(MinimumCases);
        ArgumentOutOfRangeException.ThrowIfNegative(RateDecimals);
    }

    /// <summary>The sentence for the pack's notes sheet.</summary>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"Counts from 1 to {Threshold} are shown as [c], with further cells suppressed where a [c] value could otherwise be worked out from totals in any table of this pack; 0 is a true zero. A rate or percentage is [c] when its numerator, its denominator or the difference between them is from 1 to {Threshold}. Statistics on fewer than {MinimumCases} cases are shown as [u] (low reliability). Percentages are shown to {RateDecimals} decimal place{(RateDecimals == 1 ? string.Empty : "s")}; counts are not rounded. [z] not applicable, [x] not available, [low] rounds to zero but is not zero, [p] provisional, [r] revised.");
}
