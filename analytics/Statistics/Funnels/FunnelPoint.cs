namespace Warehouse.Analytics.Statistics;

/// <summary>A unit placed on the funnel.</summary>
/// <param name="Id">The unit's identifier, as given.</param>
/// <param name="Numerator">Events.</param>
/// <param name="Denominator">Cases (at least 1).</param>
/// <param name="Proportion">y = numerator / denominator.</param>
/// <param name="ZScore">(y − θ) / √(θ(1 − θ)/n) before winsorising; null when the target is 0 or 1.</param>
/// <param name="Limits">The unit's control limits (widened when overdispersion was adjusted for).</param>
/// <param name="Flag">Where y sits against the limits.</param>
internal sealed record FunnelPoint(
    string Id,
    long Numerator,
    long Denominator,
    double Proportion,
    double? ZScore,
    FunnelLimits Limits,
    FunnelFlag Flag);
