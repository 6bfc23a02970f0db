namespace Warehouse.Analytics.Statistics;

/// <summary>
/// Standard normal quantiles used throughout the packs, written out in full so that every
/// interval is reproducible to the last digit (METRICS.md: "z = 1.959963984540054, not 1.96").
/// </summary>
internal static class NormalQuantiles
{
    /// <summary>Two-sided 95%: the 0.975 quantile of N(0, 1).</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>Two-sided 99.8%: the 0.999 quantile of N(0, 1).</summary>
    public const double Z998 = 3.090232306167813;
}
