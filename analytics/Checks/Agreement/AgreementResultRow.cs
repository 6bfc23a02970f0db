namespace Warehouse.Analytics.Checks.Agreement;

/// <summary>
/// The statistics of one agreement matrix (<c>analytics.agreement_results</c>). A null value whose
/// status is not <c>available</c> is published as <c>[z]</c> or <c>[x]</c>, never as 0.
/// </summary>
public sealed record AgreementResultRow
{
    /// <summary>The run that produced the row.</summary>
    public required string RunId { get; init; }

    /// <summary>The comparison, reference → compared.</summary>
    public required string Comparison { get; init; }

    /// <summary>The first day of the month the result covers.</summary>
    public required DateOnly Period { get; init; }

    /// <summary>What the result is broken down by.</summary>
    public required string Grouping { get; init; }

    /// <summary>The group.</summary>
    public required string GroupValue { get; init; }

    /// <summary>The comparison uses actual levels and the month's are partly pending (<c>[p]</c>).</summary>
    public required bool Provisional { get; init; }

    /// <summary>N: the assessable pairs.</summary>
    public required long Cases { get; init; }

    /// <summary>N is below the run's minimum number of cases (<c>[u]</c> when published).</summary>
    public required bool LowReliability { get; init; }

    /// <summary>Pairs on the diagonal.</summary>
    public required long Agreements { get; init; }

    /// <summary>Agreements / N; null when N = 0.</summary>
    public double? Agreement { get; init; }

    /// <summary>Wilson 95% lower bound.</summary>
    public double? AgreementLower { get; init; }

    /// <summary>Wilson 95% upper bound.</summary>
    public double? AgreementUpper { get; init; }

    /// <summary>Cohen's (unweighted) kappa: <c>available</c>, <c>not_applicable</c> (expected agreement 1: <c>[z]</c>) or <c>not_available</c> (N = 0: <c>[x]</c>).</summary>
    public required string KappaStatus { get; init; }

    /// <summary>Cohen's (unweighted) kappa.</summary>
    public double? Kappa { get; init; }

    /// <summary>Its asymptotic standard error (Fleiss, Cohen &amp; Everitt 1969).</summary>
    public double? KappaSe { get; init; }

    /// <summary>Kappa − 1.959963984540054 × standard error.</summary>
    public double? KappaLower { get; init; }

    /// <summary>Kappa + 1.959963984540054 × standard error.</summary>
    public double? KappaUpper { get; init; }

    /// <summary>The standard error under the null hypothesis kappa = 0.</summary>
    public double? KappaNullSe { get; init; }

    /// <summary>Kappa / the null standard error.</summary>
    public double? KappaZ { get; init; }

    /// <summary>The two-sided p-value of that z.</summary>
    public double? KappaP { get; init; }

    /// <summary>Linear-weighted kappa (the headline): <c>available</c>, <c>not_applicable</c> (expected agreement 1: <c>[z]</c>) or <c>not_available</c> (N = 0: <c>[x]</c>).</summary>
    public required string LinearKappaStatus { get; init; }

    /// <summary>Linear-weighted kappa (the headline).</summary>
    public double? LinearKappa { get; init; }

    /// <summary>Its asymptotic standard error (Fleiss, Cohen &amp; Everitt 1969).</summary>
    public double? LinearKappaSe { get; init; }

    /// <summary>Kappa − 1.959963984540054 × standard error.</summary>
    public double? LinearKappaLower { get; init; }

    /// <summary>Kappa + 1.959963984540054 × standard error.</summary>
    public double? LinearKappaUpper { get; init; }

    /// <summary>The standard error under the null hypothesis kappa = 0.</summary>
    public double? LinearKappaNullSe { get; init; }

    /// <summary>Kappa / the null standard error.</summary>
    public double? LinearKappaZ { get; init; }

    /// <summary>The two-sided p-value of that z.</summary>
    public double? LinearKappaP { get; init; }

    /// <summary>Quadratic-weighted kappa: <c>available</c>, <c>not_applicable</c> (expected agreement 1: <c>[z]</c>) or <c>not_available</c> (N = 0: <c>[x]</c>).</summary>
    public required string QuadraticKappaStatus { get; init; }

    /// <summary>Quadratic-weighted kappa.</summary>
    public double? QuadraticKappa { get; init; }

    /// <summary>Its asymptotic standard error (Fleiss, Cohen &amp; Everitt 1969).</summary>
    public double? QuadraticKappaSe { get; init; }

    /// <summary>Kappa − 1.959963984540054 × standard error.</summary>
    public double? QuadraticKappaLower { get; init; }

    /// <summary>Kappa + 1.959963984540054 × standard error.</summary>
    public double? QuadraticKappaUpper { get; init; }

    /// <summary>The standard error under the null hypothesis kappa = 0.</summary>
    public double? QuadraticKappaNullSe { get; init; }

    /// <summary>Kappa / the null standard error.</summary>
    public double? QuadraticKappaZ { get; init; }

    /// <summary>The two-sided p-value of that z.</summary>
    public double? QuadraticKappaP { get; init; }

    /// <summary>Pairs with the compared level above the reference.</summary>
    public required long OverCount { get; init; }

    /// <summary>That count / N.</summary>
    public double? OverRate { get; init; }

    /// <summary>Wilson 95% lower bound.</summary>
    public double? OverLower { get; init; }

    /// <summary>Wilson 95% upper bound.</summary>
    public double? OverUpper { get; init; }

    /// <summary>Pairs with the compared level below the reference.</summary>
    public required long UnderCount { get; init; }

    /// <summary>That count / N.</summary>
    public double? UnderRate { get; init; }

    /// <summary>Wilson 95% lower bound.</summary>
    public double? UnderLower { get; init; }

    /// <summary>Wilson 95% upper bound.</summary>
    public double? UnderUpper { get; init; }

    /// <summary>Pairs with the reference at the top level and compared at or below the second level.</summary>
    public required long SeriousUnderCount { get; init; }

    /// <summary>That count / N.</summary>
    public double? SeriousUnderRate { get; init; }

    /// <summary>Wilson 95% lower bound.</summary>
    public double? SeriousUnderLower { get; init; }

    /// <summary>Wilson 95% upper bound.</summary>
    public double? SeriousUnderUpper { get; init; }

    /// <summary>Pairs with the reference at the top level.</summary>
    public required long TopLevelReferenceCount { get; init; }

    /// <summary>Serious under-responses / pairs with the reference at the top level.</summary>
    public double? SeriousUnderAmongTopRate { get; init; }

    /// <summary>Wilson 95% lower bound.</summary>
    public double? SeriousUnderAmongTopLower { get; init; }

    /// <summary>Wilson 95% upper bound.</summary>
    public double? SeriousUnderAmongTopUpper { get; init; }
}
