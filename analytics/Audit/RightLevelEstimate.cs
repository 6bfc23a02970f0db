namespace Warehouse.Analytics.Audit;

/// <summary>
/// The right-level rate for the month (the auditor's level equals the recommended level), estimated
/// from the audited cases with design weights and a stratified variance (docs/audit.md, "Estimator").
/// Values are null when no case has been judged.
/// </summary>
/// <param name="Population">N: the month's assessable consultations the sample was drawn from.</param>
/// <param name="CoveredPopulation">The part of N in strata with at least one judged case: what the estimate describes.</param>
/// <param name="Sampled">n: the cases drawn.</param>
/// <param name="Judged">m: the cases judged.</param>
/// <param name="RightLevelInSample">Judged cases at the right level (unweighted).</param>
/// <param name="Rate">The design-weighted rate, 0 to 1.</param>
/// <param name="StandardError">Its standard error, with the finite population correction.</param>
/// <param name="Lower">Lower 95% limit (Wilson on the effective sample size).</param>
/// <param name="Upper">Upper 95% limit.</param>
/// <param name="EffectiveSampleSize">The effective sample size behind the interval; null for a census.</param>
/// <param name="DesignEffect">The variance against a simple random sample of the judged size.</param>
/// <param name="Strata">Each stratum's part.</param>
public sealed record RightLevelEstimate(
    long Population,
    long CoveredPopulation,
    int Sampled,
    int Judged,
    int RightLevelInSample,
    double? Rate,
    double? StandardError,
    double? Lower,
    double? Upper,
    double? EffectiveSampleSize,
    double? DesignEffect,
    IReadOnlyList<StratumEstimate> Strata)
{
    /// <summary>The estimated number of the month's consultations at the right level, N' × rate.</summary>
    public double? EstimatedRightLevel => Rate * CoveredPopulation;
}
