namespace Warehouse.Analytics.Statistics;

/// <summary>
/// Cohen's kappa (unweighted or weighted) with its large-sample standard errors (Fleiss, Cohen &amp;
/// Everitt 1969). When <see cref="Status"/> is not <see cref="EstimateStatus.Available"/>, every
/// value field is null: an undefined kappa is published as <c>[z]</c>, never 0 or NaN.
/// </summary>
/// <param name="Weighting">Which weights were used.</param>
/// <param name="Status">Whether kappa is defined for these data.</param>
/// <param name="Cases">N, the number of pairs.</param>
/// <param name="ObservedAgreement">Po = Σ w(i,j) p(i,j); null when N = 0.</param>
/// <param name="ExpectedAgreement">Pe = Σ w(i,j) p(i·) p(·j); null when N = 0.</param>
/// <param name="Kappa">(Po − Pe) / (1 − Pe).</param>
/// <param name="StandardError">Asymptotic standard error (SAS "ASE"), used for the interval.</param>
/// <param name="Interval">Kappa ± z · ASE; not truncated to [−1, 1], as in SAS and statsmodels.</param>
/// <param name="NullStandardError">Standard error under H0: kappa = 0 (SAS "ASE under H0").</param>
/// <param name="Z">Kappa / null standard error; null when that standard error is 0.</param>
/// <param name="PValue">Two-sided p-value for <see cref="Z"/>.</param>
internal sealed record KappaEstimate(
    KappaWeighting Weighting,
    EstimateStatus Status,
    long Cases,
    double? ObservedAgreement,
    double? ExpectedAgreement,
    double? Kappa,
    double? StandardError,
    ConfidenceInterval? Interval,
    double? NullStandardError,
    double? Z,
    double? PValue)
{
    public bool IsAvailable => Status == EstimateStatus.Available;
}
