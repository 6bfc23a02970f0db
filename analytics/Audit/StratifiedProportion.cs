using Warehouse.Analytics.Statistics;

namespace Warehouse.Analytics.Audit;

/// <summary>
/// The stratified estimator of a population proportion and its variance, for stratified simple random
/// sampling without replacement (docs/audit.md, "Estimator").
/// </summary>
/// <remarks>
/// <para>With N_h cases in stratum h, m_h of them judged, y_h of those "yes", p̂_h = y_h / m_h and
/// W_h = N_h / N' (N' = Σ N_h over the strata with a judged case):</para>
/// <para>p̂_st = Σ W_h p̂_h — the Horvitz–Thompson estimate of the population count divided by N'
/// when every drawn case is judged (each case weighted 1 / π_k = N_h / n_h), and its Hájek form with
/// weights N_h / m_h when some are not (unjudged cases treated as missing at random within their
/// stratum).</para>
/// <para>v(p̂_st) = Σ W_h² (1 − m_h / N_h) s_h² / m_h, s_h² = m_h p̂_h (1 − p̂_h) / (m_h − 1): the unbiased
/// variance estimator of the stratified mean with the finite population correction (Cochran, W. G.
/// (1977) Sampling Techniques, 3rd ed., Wiley, chapter 5, stratified random sampling and its
/// estimation of proportions; Lohr, S. L. (2022) Sampling: Design and Analysis, 3rd ed., CRC Press,
/// chapter 3). It equals the Horvitz–Thompson variance estimator with the joint inclusion
/// probabilities of stratified simple random sampling, which the tests check term by term. A take-all
/// stratum (m_h = N_h) adds nothing: it has no sampling error.</para>
/// <para>Interval: the Wilson score interval (as for every other proportion in the packs) with the
/// effective sample size n* = p̂(1 − p̂) / v in place of n — Korn, E. L. &amp; Graubard, B. I. (1998)
/// "Confidence intervals for proportions with small expected number of positive counts estimated from
/// survey data", Survey Methodology 24:193–201, for the effective sample size; Dean, N. &amp; Pagano, M.
/// (2015) "Evaluating confidence interval methods for binomial proportions in clustered surveys",
/// JSSAM 3:484–503, for the Wilson form. When p̂ is 0 or 1 the ratio is undefined and n* is the number
/// of judged cases; when every case of every covered stratum was judged (a census) the interval is the
/// point itself.</para>
/// </remarks>
internal static class StratifiedProportion
{
    /// <summary>The variance assumed for a stratum with one judged case of several: the largest a 0/1 variable can have.</summary>
    public const double LonelyVariance = 0.25;

    public static StratifiedProportionEstimate Estimate(IReadOnlyList<StratumObservation> strata, double z = NormalQuantiles.Z95)
    {
        ArgumentNullException.ThrowIfNull(strata);
        foreach (var s in strata)
        {
            if (s.Population < 0 || s.Judged < 0 || s.Successes < 0 || s.Successes > s.Judged || s.Judged > s.Sampled || s.Sampled > s.Population)
            {
                throw new ArgumentException($"Stratum '{s.Stratum}' has impossible counts (N {s.Population}, n {s.Sampled}, judged {s.Judged}, yes {s.Successes}).", nameof(strata));
            }
        }

        var covered = strata.Where(s => s.Judged > 0).ToList();
        var uncovered = strata.Where(s => s.Judged == 0 && s.Population > 0).Select(s => s.Stratum).ToList();
        long population = covered.Sum(s => s.Population);
        if (covered.Count == 0)
        {
            return new StratifiedProportionEstimate(strata, 0, null, null, null, null, null, [], uncovered);
        }

        double total = population;
        double proportion = 0;
        double variance = 0;
        var lonely = new List<string>();
        foreach (var s in covered)
        {
            double weight = s.Population / total;
            double p = (double)s.Successes / s.Judged;
            proportion += weight * p;
            if (s.Judged == s.Population)
            {
                continue;
            }

            double within;
            if (s.Judged == 1)
            {
                lonely.Add(s.Stratum);
                within = LonelyVariance;
            }
            else
            {
                within = s.Judged * p * (1 - p) / (s.Judged - 1);
            }

            variance += weight * weight * (1 - ((double)s.Judged / s.Population)) * within / s.Judged;
        }

        int judged = covered.Sum(s => s.Judged);
        bool census = covered.All(s => s.Judged == s.Population);
        double spread = proportion * (1 - proportion);
        double? designEffect = spread > 0 ? variance / (spread / judged) : null;
        double effective = spread > 0 && variance > 0 ? spread / variance : judged;
        var interval = census ? (proportion, proportion) : Wilson(proportion, effective, z);
        return new StratifiedProportionEstimate(strata, population, proportion, variance, interval, census ? null : effective, designEffect, lonely, uncovered);
    }

    /// <summary>The Wilson score interval for a proportion <paramref name="p"/> on a (possibly fractional) sample size <paramref name="n"/>.</summary>
    public static (double Lower, double Upper) Wilson(double p, double n, double z = NormalQuantiles.Z95)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        double z2 = z * z;
        double denominator = 1 + (z2 / n);
        double centre = (p + (z2 / (2 * n))) / denominator;
        double half = z / denominator * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));
        double lower = p <= 0 ? 0 : Math.Max(0, centre - half);
        double upper = p >= 1 ? 1 : Math.Min(1, centre + half);
        return (lower, upper);
    }
}
