namespace Warehouse.Analytics.Audit;

/// <summary>
/// A design-based estimate of a population proportion from a stratified sample (<see cref="StratifiedProportion"/>).
/// Every value is null when no stratum has a judged case.
/// </summary>
/// <param name="Strata">Each stratum's data, as given.</param>
/// <param name="CoveredPopulation">Σ N_h over the strata with a judged case: the population the estimate describes.</param>
/// <param name="Proportion">p̂_st.</param>
/// <param name="Variance">v(p̂_st), with the finite population correction.</param>
/// <param name="Interval">Wilson 95% interval on the effective sample size; [p̂, p̂] when every case of the covered strata was judged.</param>
/// <param name="EffectiveSampleSize">p̂(1 − p̂) / v: the simple random sample with the same precision; the judged count when that ratio is undefined.</param>
/// <param name="DesignEffect">v / (p̂(1 − p̂) / m): the variance against a simple random sample of the same size drawn with replacement; null when p̂ is 0 or 1.</param>
/// <param name="LonelyStrata">Strata with one judged case of several: their variance is taken as 0.25 (the largest a 0/1 variable has).</param>
/// <param name="UncoveredStrata">Strata without a judged case: left out of the estimate.</param>
internal sealed record StratifiedProportionEstimate(
    IReadOnlyList<StratumObservation> Strata,
    long CoveredPopulation,
    double? Proportion,
    double? Variance,
    (double Lower, double Upper)? Interval,
    double? EffectiveSampleSize,
    double? DesignEffect,
    IReadOnlyList<string> LonelyStrata,
    IReadOnlyList<string> UncoveredStrata)
{
    public double? StandardError => Variance is double v ? Math.Sqrt(v) : null;

    public int Judged => Strata.Sum(s => s.Judged);

    public int Successes => Strata.Sum(s => s.Successes);
}
