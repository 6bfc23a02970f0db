namespace Warehouse.Analytics.Statistics;

/// <summary>
/// Spiegelhalter's (2005, section 6) test for overdispersion on winsorised z-scores, and the
/// between-unit variance τ² of the additive random-effects model.
/// </summary>
/// <param name="Units">I, the units with at least one case.</param>
/// <param name="WinsorLower">The z-score at the lower winsorising quantile; smaller z-scores were raised to it.</param>
/// <param name="WinsorUpper">The z-score at the upper winsorising quantile; larger z-scores were lowered to it.</param>
/// <param name="Phi">φ̂ = (1/I) Σ z_w²: the overdispersion ratio.</param>
/// <param name="Statistic">I·φ̂, approximately χ² on I − 1 degrees of freedom without overdispersion.</param>
/// <param name="DegreesOfFreedom">I − 1.</param>
/// <param name="PValue">P(χ²(I − 1) ≥ I·φ̂).</param>
/// <param name="Overdispersed">Whether the p-value is below the configured significance level.</param>
/// <param name="Tau2">τ² used to widen the limits; 0 when not overdispersed.</param>
internal sealed record OverdispersionTest(
    int Units,
    double WinsorLower,
    double WinsorUpper,
    double Phi,
    double Statistic,
    int DegreesOfFreedom,
    double PValue,
    bool Overdispersed,
    double Tau2);
