using Warehouse.Analytics.Disclosure;

namespace Warehouse.Reports.Packs;

/// <summary>The statistical disclosure control rules a pack is published under (METRICS.md).</summary>
public sealed record PackDisclosureOptions
{
    /// <summary>The DfE children-in-need practice: counts 1 to 5 are <c>[c]</c>; statistics on fewer than 20 cases are <c>[u]</c>.</summary>
    public static PackDisclosureOptions Default { get; } = new();

    /// <summary>Counts from 1 to this value inclusive are suppressed as <c>[c]</c>. Default 5.</summary>
    public int Threshold { get; init; } = 5;

    /// <summary>A statistic (agreement, kappa, a rate) on fewer cases than this is <c>[u]</c>. Default 20.</summary>
    public int MinimumCases { get; init; } = 20;

    internal DisclosureOptions ToAnalytics() => new() { Threshold = Threshold, MinimumCases = MinimumCases };

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Threshold, 0, nameof(Threshold));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinimumCases, 1, nameof(MinimumCases));
    }
}
