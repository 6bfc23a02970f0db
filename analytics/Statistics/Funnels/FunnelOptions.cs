namespace Warehouse.Analytics.Statistics;

/// <summary>Settings for funnel plots; the defaults are the choices documented in <see cref="FunnelPlot"/>.</summary>
internal sealed record FunnelOptions
{
    public static FunnelOptions Default { get; } = new();

    /// <summary>Overdispersion is tested only with at least this many units (METRICS.md: 10).</summary>
    public int MinimumUnitsForOverdispersion { get; init; } = 10;

    /// <summary>Fraction of z-scores winsorised in each tail before estimating φ (Spiegelhalter 2005: 10%).</summary>
    public double WinsorisingFraction { get; init; } = 0.10;

    /// <summary>Overdispersion is "present" when P(χ²(I − 1) ≥ I·φ) is below this level.</summary>
    public double OverdispersionSignificance { get; init; } = 0.05;

    /// <summary>
    /// The normal approximation is used once n·θ·(1 − θ) reaches this value; below it the limits are exact
    /// binomial. At 9 the 99.8% normal band (±3.09σ) stays, to within rounding, inside [0, 1].
    /// </summary>
    public double NormalApproximationMinimumVariance { get; init; } = 9;
}
