namespace Warehouse.Analytics.Statistics;

/// <summary>A funnel plot of proportions around a target.</summary>
/// <param name="Target">θ, the partnership value the limits are centred on.</param>
/// <param name="Points">Every unit with at least one case, in input order.</param>
/// <param name="UnitsWithoutCases">Units with denominator 0: nothing to plot (publish <c>[x]</c>).</param>
/// <param name="Overdispersion">The test, or null when it was not done (fewer than the minimum units, or θ is 0 or 1).</param>
/// <param name="Note">One sentence for the pack's notes: whether overdispersion was tested, found and adjusted for.</param>
internal sealed record FunnelResult(
    double Target,
    IReadOnlyList<FunnelPoint> Points,
    IReadOnlyList<string> UnitsWithoutCases,
    OverdispersionTest? Overdispersion,
    string Note)
{
    /// <summary>Whether the limits were widened for overdispersion.</summary>
    public bool Adjusted => Overdispersion is { Overdispersed: true };

    /// <summary>τ² applied to the limits (0 when not adjusted).</summary>
    public double Tau2 => Adjusted ? Overdispersion!.Tau2 : 0;
}
