namespace Warehouse.Analytics.Checks.Funnels;

/// <summary>One unit on a funnel plot (<c>analytics.funnel_points</c>).</summary>
public sealed record FunnelPointRow
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

    /// <summary>The locality or agency code.</summary>
    public required string Unit { get; init; }

    /// <summary>Events.</summary>
    public required long Numerator { get; init; }

    /// <summary>Assessable cases (0: not plotted).</summary>
    public required long Denominator { get; init; }

    /// <summary>Numerator / denominator; null with no cases.</summary>
    public double? Proportion { get; init; }

    /// <summary>(y − θ) / √(θ(1 − θ)/n); null with no cases or a target of 0 or 1.</summary>
    public double? ZScore { get; init; }

    /// <summary>Lower 95% limit.</summary>
    public double? Lower95 { get; init; }

    /// <summary>Upper 95% limit.</summary>
    public double? Upper95 { get; init; }

    /// <summary>Lower 99.8% limit.</summary>
    public double? Lower998 { get; init; }

    /// <summary>Upper 99.8% limit.</summary>
    public double? Upper998 { get; init; }

    /// <summary><c>exact_binomial</c>, <c>normal</c>, <c>normal_random_effects</c> or <c>degenerate</c>.</summary>
    public string? LimitMethod { get; init; }

    /// <summary>
    /// <c>within</c> (inside 95%), <c>high</c> / <c>low</c> (between 95% and 99.8%: a warning),
    /// <c>above</c> / <c>below</c> (outside 99.8%: flagged); null with no cases.
    /// </summary>
    public string? Flag { get; init; }
}
