namespace Warehouse.Analytics.Statistics;

/// <summary>
/// Wilson score interval for a binomial proportion (Wilson 1927; Newcombe 1998 method 3), the
/// method of R <c>binom.confint(method = "wilson")</c> and statsmodels
/// <c>proportion_confint(method = "wilson")</c>.
/// </summary>
internal static class WilsonScore
{
    /// <summary>
    /// Estimates <paramref name="count"/> / <paramref name="total"/> with a two-sided interval at the
    /// normal quantile <paramref name="z"/> (default 95%).
    /// </summary>
    /// <remarks>
    /// centre = (p + z²/2n) / (1 + z²/n); half-width = z / (1 + z²/n) · √(p(1 − p)/n + z²/4n²).
    /// The bounds are exactly 0 when the count is 0 and exactly 1 when it equals the total (the
    /// formula gives these values in exact arithmetic; floating point is not allowed to move them).
    /// </remarks>
    public static ProportionEstimate Estimate(long count, long total, double z = NormalQuantiles.Z95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        if (count > total)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "The count cannot exceed the total.");
        }

        if (total == 0)
        {
            return new ProportionEstimate(count, total, null, null);
        }

        double n = total;
        double p = count / n;
        double z2 = z * z;
        double denominator = 1 + (z2 / n);
        double centre = (p + (z2 / (2 * n))) / denominator;
        double half = z / denominator * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));
        double lower = count == 0 ? 0 : Math.Max(0, centre - half);
        double upper = count == total ? 1 : Math.Min(1, centre + half);
        return new ProportionEstimate(count, total, p, new ConfidenceInterval(lower, upper));
    }
}
