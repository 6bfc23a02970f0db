using MathNet.Numerics.Distributions;

namespace Warehouse.Analytics.Statistics;

/// <summary>
/// Exact binomial control limits with Spiegelhalter's interpolation (Spiegelhalter 2005, Stat Med
/// 24:1185–1202, appendix A.1.1).
/// </summary>
/// <remarks>
/// For R ~ Binomial(n, θ) and a probability p, r_p is the smallest r with P(R ≤ r) ≥ p. Because R is
/// discrete, the limit is interpolated between r_p − 1 and r_p so that the funnel is a smooth curve:
/// α = (P(R ≤ r_p) − p) / (P(R ≤ r_p) − P(R ≤ r_p − 1)), and the limit on the proportion scale is
/// (r_p − α) / n, clamped to [0, 1].
/// </remarks>
internal static class BinomialControlLimit
{
    public static double Limit(long n, double target, double p)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, int.MaxValue);
        if (target is < 0 or > 1 || double.IsNaN(target))
        {
            throw new ArgumentOutOfRangeException(nameof(target), target, "The target must be a proportion.");
        }

        if (p is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "The probability must lie strictly between 0 and 1.");
        }

        int size = (int)n;
        long low = 0;
        long high = n;
        while (low < high)
        {
            long middle = low + ((high - low) / 2);
            if (Binomial.CDF(target, size, middle) >= p)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        long quantile = low;
        double atQuantile = Binomial.CDF(target, size, quantile);
        double below = quantile == 0 ? 0 : Binomial.CDF(target, size, quantile - 1);
        double alpha = (atQuantile - p) / (atQuantile - below);
        return Math.Clamp((quantile - alpha) / n, 0, 1);
    }
}
