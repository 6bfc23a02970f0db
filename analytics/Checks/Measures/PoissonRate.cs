using MathNet.Numerics.Distributions;
using Warehouse.Analytics.Statistics;

namespace Warehouse.Analytics.Checks.Measures;

/// <summary>
/// A rate per <c>scale</c> with the exact Poisson (Garwood 1936) 95% interval, the method
/// PHE / OHID use for crude rates: lower = χ²(2k; 0.025)/2, upper = χ²(2k + 2; 0.975)/2, per
/// denominator and scaled.
/// </summary>
internal static class PoissonRate
{
    public static (double Value, ConfidenceInterval Interval) Estimate(long count, long denominator, double scale)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(denominator, 1);
        double factor = scale / denominator;
        double lower = count == 0 ? 0 : ChiSquared.InvCDF(2.0 * count, 0.025) / 2;
        double upper = ChiSquared.InvCDF((2.0 * count) + 2, 0.975) / 2;
        return (count * factor, new ConfidenceInterval(lower * factor, upper * factor));
    }
}
