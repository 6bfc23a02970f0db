namespace Warehouse.Analytics.Checks.Funnels;

/// <summary>
/// One funnel plot (<c>analytics.funnels</c>): a measure of a comparison over the localities or the
/// caller agencies, around the partnership value, and what was done about overdispersion.
/// </summary>
public sealed record FunnelRow
{
    /// <summary>The run that produced the row.</summary>
    public required string RunId { get; init; }

    /// <summary>The comparison.</summary>
    public required string Comparison { get; init; }

    /// <summary><c>agreement</c>, <c>over</c>, <c>under</c> or <c>serious_under</c>.</summary>
    public required string Measure { get; init; }

    /// <summary>The first day of the month (the consistency month).</summary>
    public required DateOnly Period { get; init; }

    /// <summary><c>locality</c> or <c>caller_agency</c>.</summary>
    public required string Grouping { get; init; }

    /// <summary>The partnership value the limits are centred on; null when the partnership has no cases.</summary>
    public double? Target { get; init; }

    /// <summary>Units with at least one case.</summary>
    public required int Units { get; init; }

    /// <summary>Units with no cases (nothing to plot).</summary>
    public required int UnitsWithoutCases { get; init; }

    /// <summary>Whether overdispersion was tested (10 or more units and a target strictly between 0 and 1).</summary>
    public required bool OverdispersionTested { get; init; }

    /// <summary>φ̂, the mean squared winsorised z-score.</summary>
    public double? Phi { get; init; }

    /// <summary>I·φ̂, compared with χ² on I − 1 degrees of freedom.</summary>
    public double? ChiSquared { get; init; }

    /// <summary>I − 1.</summary>
    public int? DegreesOfFreedom { get; init; }

    /// <summary>The test's p-value.</summary>
    public double? PValue { get; init; }

    /// <summary>Whether the limits were widened by the additive random-effects method.</summary>
    public required bool Overdispersed { get; init; }

    /// <summary>τ², the between-unit variance added to the limits (0 when not widened).</summary>
    public required double Tau2 { get; init; }

    /// <summary>One sentence for the pack's notes.</summary>
    public required string Note { get; init; }
}
