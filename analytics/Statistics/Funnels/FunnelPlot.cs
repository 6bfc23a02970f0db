using System.Globalization;
using MathNet.Numerics.Distributions;

namespace Warehouse.Analytics.Statistics;

/// <summary>
/// Funnel plots for proportions (Spiegelhalter 2005, "Funnel plots for comparing institutional
/// performance", Stat Med 24:1185–1202; the overdispersion steps as in NHS-R FunnelPlotR).
/// </summary>
/// <remarks>
/// <para><b>Limits.</b> Around the target θ at 95% (p = 0.025, 0.975) and 99.8% (p = 0.001, 0.999).
/// Exact binomial with interpolation (<see cref="BinomialControlLimit"/>) while n·θ·(1 − θ) is below
/// <see cref="FunnelOptions.NormalApproximationMinimumVariance"/> (default 9); above it the normal
/// approximation θ ± z·√(θ(1 − θ)/n), z = 1.959963984540054 and 3.090232306167813. PHE Fingertips
/// (PHEindicatormethods) uses inverted Wilson limits instead; we follow METRICS.md and Spiegelhalter.</para>
/// <para><b>Overdispersion</b> (only with at least 10 units, and θ strictly between 0 and 1):
/// z_i = (y_i − θ)/s_i with s_i² = θ(1 − θ)/n_i; z-scores are winsorised at the 10th and 90th
/// percentiles (R's default quantile, type 7, as FunnelPlotR) so that one extreme unit cannot widen
/// its own limits; φ̂ = (1/I) Σ z_w²; I·φ̂ is compared with χ²(I − 1); when P(χ² ≥ I·φ̂) &lt; 0.05 the
/// limits become θ ± z·√(s_i² + τ²) with τ² = max(0, (I·φ̂ − (I − 1)) / (Σw_i − Σw_i²/Σw_i)),
/// w_i = 1/s_i² (the additive random-effects method). Adjusted limits are always normal.</para>
/// <para><b>Flags.</b> One per unit: within (inside the 95% limits, inclusive), high / low (between
/// the 95% and 99.8% limits), above / below (outside the 99.8% limits).</para>
/// </remarks>
internal static class FunnelPlot
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Funnel around the pooled proportion Σ numerators / Σ denominators.</summary>
    public static FunnelResult Compute(IReadOnlyList<FunnelUnit> units, FunnelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(units);
        long events = units.Sum(u => u.Numerator);
        long cases = units.Sum(u => u.Denominator);
        if (cases == 0)
        {
            throw new ArgumentException("The units have no cases, so there is no pooled target.", nameof(units));
        }

        return Compute(units, (double)events / cases, options);
    }

    /// <summary>Funnel around a given target, normally the partnership value.</summary>
    public static FunnelResult Compute(IReadOnlyList<FunnelUnit> units, double target, FunnelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(units);
        options ??= FunnelOptions.Default;
        ValidateTarget(target);
        Validate(units);

        var plotted = units.Where(u => u.Denominator > 0).ToList();
        var empty = units.Where(u => u.Denominator == 0).Select(u => u.Id).ToList();
        bool degenerate = target is 0 or 1;

        OverdispersionTest? test = null;
        string note;
        if (degenerate)
        {
            note = string.Create(Invariant, $"The target is {target:0}, so every unit is expected to equal it; overdispersion cannot be assessed and the limits are not adjusted.");
        }
        else if (plotted.Count < options.MinimumUnitsForOverdispersion)
        {
            note = string.Create(Invariant, $"Fewer than {options.MinimumUnitsForOverdispersion} units ({plotted.Count}): overdispersion was not assessed and the limits are not adjusted.");
        }
        else
        {
            test = TestOverdispersion(plotted, target, options);
            note = test.Overdispersed
                ? string.Create(Invariant, $"Overdispersion present ({test.Units} units, phi = {test.Phi:0.###}, chi-squared {test.Statistic:0.##} on {test.DegreesOfFreedom} df, p = {test.PValue:0.####}): limits widened by the additive random-effects method, tau² = {test.Tau2:G4}.")
                : string.Create(Invariant, $"Overdispersion tested ({test.Units} units, phi = {test.Phi:0.###}, chi-squared {test.Statistic:0.##} on {test.DegreesOfFreedom} df, p = {test.PValue:0.####}): not significant, limits not adjusted.");
        }

        double tau2 = test is { Overdispersed: true } ? test.Tau2 : 0;
        var points = new List<FunnelPoint>(plotted.Count);
        foreach (var unit in plotted)
        {
            double proportion = (double)unit.Numerator / unit.Denominator;
            double? z = degenerate ? null : (proportion - target) / StandardError(target, unit.Denominator);
            var limits = Limits(unit.Denominator, target, tau2, options);
            var flag = limits.Method == FunnelLimitMethod.ExactBinomial
                ? ExactFlag(unit.Numerator, unit.Denominator, target)
                : limits.Classify(proportion);
            points.Add(new FunnelPoint(unit.Id, unit.Numerator, unit.Denominator, proportion, z, limits, flag));
        }

        return new FunnelResult(target, points, empty, test, note);
    }

    /// <summary>
    /// Classifies a small unit by its exact binomial tail probabilities rather than against the
    /// interpolated limits: those are drawn for the eye (Spiegelhalter 2005, appendix A.1.1) and,
    /// at the edge of a small unit's range, lie just inside it — 2 of 2 would sit above an upper
    /// limit of 0.99 although 2 of 2 is not unusual at all. A count is outside the 99.8% limits when
    /// the probability of one at least as extreme is below 0.1% in that tail, outside 95% below 2.5%.
    /// </summary>
    internal static FunnelFlag ExactFlag(long numerator, long denominator, double target)
    {
        int n = (int)denominator;
        double atLeast = numerator == 0 ? 1 : 1 - MathNet.Numerics.Distributions.Binomial.CDF(target, n, numerator - 1);
        double atMost = MathNet.Numerics.Distributions.Binomial.CDF(target, n, numerator);
        if (atLeast < 0.001) return FunnelFlag.Above;
        if (atMost < 0.001) return FunnelFlag.Below;
        if (atLeast < 0.025) return FunnelFlag.High;
        return atMost < 0.025 ? FunnelFlag.Low : FunnelFlag.Within;
    }

    /// <summary>The control limits for one unit size.</summary>
    public static FunnelLimits Limits(long size, double target, double tau2 = 0, FunnelOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(tau2);
        options ??= FunnelOptions.Default;
        ValidateTarget(target);

        if (target is 0 or 1)
        {
            return new FunnelLimits(target, target, target, target, FunnelLimitMethod.Degenerate);
        }

        double variance = target * (1 - target) / size;
        if (tau2 > 0)
        {
            return Normal(target, Math.Sqrt(variance + tau2), FunnelLimitMethod.NormalRandomEffects);
        }

        if (size * target * (1 - target) >= options.NormalApproximationMinimumVariance || size > int.MaxValue)
        {
            return Normal(target, Math.Sqrt(variance), FunnelLimitMethod.Normal);
        }

        return new FunnelLimits(
            BinomialControlLimit.Limit(size, target, 0.025),
            BinomialControlLimit.Limit(size, target, 0.975),
            BinomialControlLimit.Limit(size, target, 0.001),
            BinomialControlLimit.Limit(size, target, 0.999),
            FunnelLimitMethod.ExactBinomial);
    }

    /// <summary>
    /// Limit curves for a chart: <paramref name="points"/> sizes spaced geometrically from
    /// <paramref name="minimumSize"/> to <paramref name="maximumSize"/> (whole numbers, strictly increasing,
    /// both ends included; fewer points when the range holds fewer whole numbers).
    /// </summary>
    public static IReadOnlyList<FunnelCurvePoint> Curve(double target, long minimumSize, long maximumSize, int points = 100, double tau2 = 0, FunnelOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maximumSize, minimumSize);
        ArgumentOutOfRangeException.ThrowIfLessThan(points, 2);

        var sizes = new List<long> { minimumSize };
        double ratio = (double)maximumSize / minimumSize;
        for (int i = 1; i < points && sizes[^1] < maximumSize; i++)
        {
            long size = (long)Math.Round(minimumSize * Math.Pow(ratio, (double)i / (points - 1)), MidpointRounding.AwayFromZero);
            size = Math.Min(maximumSize, Math.Max(size, sizes[^1] + 1));
            sizes.Add(size);
        }

        if (sizes[^1] != maximumSize)
        {
            sizes.Add(maximumSize);
        }

        return sizes.Select(n => new FunnelCurvePoint(n, Limits(n, target, tau2, options))).ToList();
    }

    /// <summary>R's default sample quantile (type 7): linear interpolation between order statistics.</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double probability)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            throw new ArgumentException("No values.", nameof(sorted));
        }

        double h = (sorted.Count - 1) * probability;
        int below = (int)Math.Floor(h);
        int above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + ((h - below) * (sorted[above] - sorted[below]));
    }

    private static OverdispersionTest TestOverdispersion(List<FunnelUnit> units, double target, FunnelOptions options)
    {
        int count = units.Count;
        var z = units.Select(u => (((double)u.Numerator / u.Denominator) - target) / StandardError(target, u.Denominator)).ToList();
        var sorted = z.Order().ToList();
        double lower = Quantile(sorted, options.WinsorisingFraction);
        double upper = Quantile(sorted, 1 - options.WinsorisingFraction);
        double phi = z.Select(v => Math.Clamp(v, lower, upper)).Sum(v => v * v) / count;
        double statistic = count * phi;
        int degreesOfFreedom = count - 1;
        double pValue = 1 - ChiSquared.CDF(degreesOfFreedom, statistic);
        bool overdispersed = pValue < options.OverdispersionSignificance;

        double tau2 = 0;
        if (overdispersed)
        {
            // w_i = 1/s_i² = n_i / (θ(1 − θ)).
            var weights = units.Select(u => u.Denominator / (target * (1 - target))).ToList();
            double sumWeights = weights.Sum();
            double sumSquares = weights.Sum(w => w * w);
            tau2 = Math.Max(0, (statistic - degreesOfFreedom) / (sumWeights - (sumSquares / sumWeights)));
        }

        return new OverdispersionTest(count, lower, upper, phi, statistic, degreesOfFreedom, pValue, overdispersed, tau2);
    }

    private static FunnelLimits Normal(double target, double standardError, FunnelLimitMethod method) => new(
        Math.Max(0, target - (NormalQuantiles.Z95 * standardError)),
        Math.Min(1, target + (NormalQuantiles.Z95 * standardError)),
        Math.Max(0, target - (NormalQuantiles.Z998 * standardError)),
        Math.Min(1, target + (NormalQuantiles.Z998 * standardError)),
        method);

    private static double StandardError(double target, long size) => Math.Sqrt(target * (1 - target) / size);

    private static void ValidateTarget(double target)
    {
        if (double.IsNaN(target) || target < 0 || target > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(target), target, "The target must be a proportion between 0 and 1.");
        }
    }

    private static void Validate(IReadOnlyList<FunnelUnit> units)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var unit in units)
        {
            if (unit.Numerator < 0 || unit.Denominator < 0 || unit.Numerator > unit.Denominator)
            {
                throw new ArgumentException($"Unit '{unit.Id}' needs 0 ≤ numerator ≤ denominator.", nameof(units));
            }

            if (!ids.Add(unit.Id))
            {
                throw new ArgumentException($"Unit '{unit.Id}' appears twice.", nameof(units));
            }
        }
    }
}
