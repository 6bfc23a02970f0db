using Warehouse.Analytics.Statistics;

namespace Warehouse.Analytics.Tests.Statistics;

public class FunnelPlotTests
{
    [Fact]
    public void ExactLimits_Binomial10Half_WorkedByHand()
    {
        // Spiegelhalter (2005) appendix A.1.1: r_p = smallest r with P(R ≤ r) ≥ p,
        // alpha = (P(R ≤ r_p) − p) / (P(R ≤ r_p) − P(R ≤ r_p − 1)), limit = (r_p − alpha) / n.
        // Binomial(10, 1/2): P(R ≤ r) = (1, 11, 56, 176, 386, 638, 848, 968, 1013, 1023, 1024) / 1024.
        // p = .975: r = 8, alpha = (1013 − 998.4)/45 → (8 − 14.6/45)/10.
        // p = .025: r = 2, alpha = (56 − 25.6)/45 → (2 − 30.4/45)/10.
        // p = .999: r = 9, alpha = (1023 − 1022.976)/10 → (9 − 0.0024)/10.
        // p = .001: r = 1, alpha = (11 − 1.024)/10 → (1 − 0.9976)/10.
        Approx.Within((8 - (14.6 / 45)) / 10, BinomialControlLimit.Limit(10, 0.5, 0.975), 1e-12);
        Approx.Within((2 - (30.4 / 45)) / 10, BinomialControlLimit.Limit(10, 0.5, 0.025), 1e-12);
        Approx.Within((9 - 0.0024) / 10, BinomialControlLimit.Limit(10, 0.5, 0.999), 1e-12);
        Approx.Within((1 - 0.9976) / 10, BinomialControlLimit.Limit(10, 0.5, 0.001), 1e-12);
    }

    [Theory]
    [InlineData(1, 0.3)]
    [InlineData(7, 0.12)]
    [InlineData(25, 0.3)]
    [InlineData(40, 0.05)]
    [InlineData(150, 0.02)]
    [InlineData(60, 0.9)]
    public void ExactLimits_MatchAnIndependentBinomialComputation(long n, double target)
    {
        foreach (double p in new[] { 0.001, 0.025, 0.975, 0.999 })
        {
            Approx.Within(ReferenceLimit(n, target, p), BinomialControlLimit.Limit(n, target, p), 1e-9);
        }
    }

    [Fact]
    public void Limits_ExactBelowTheVarianceThreshold_NormalAbove()
    {
        // n·θ(1 − θ) = 8.4 → exact; 9.03 → normal.
        var exact = FunnelPlot.Limits(40, 0.3);
        var normal = FunnelPlot.Limits(43, 0.3);

        Assert.Equal(FunnelLimitMethod.ExactBinomial, exact.Method);
        Assert.Equal(FunnelLimitMethod.Normal, normal.Method);
        double se = Math.Sqrt(0.3 * 0.7 / 43);
        Approx.Within(0.3 + (1.959963984540054 * se), normal.Upper95, 1e-15);
        Approx.Within(0.3 - (3.090232306167813 * se), normal.Lower998, 1e-15);
        Approx.Within(BinomialControlLimit.Limit(40, 0.3, 0.975), exact.Upper95, 1e-15);
    }

    [Fact]
    public void NormalLimits_ConvergeToPheIndicatorMethodsAtLargeSizes()
    {
        // Source: UKHSA PHEindicatormethods tests/testthat/testdata_funnel_prop_outputs.csv (phe_funnels on
        // testdata_funnel_prop_inputs.csv): baseline 80.642448%, population 110000: 95% limits 80.408963 and
        // 80.875933, 99.8% limits 80.274317 and 81.010578. PHE inverts the Wilson score interval; the two
        // methods differ by O(z²/n), about 0.001 percentage points at this size.
        var limits = FunnelPlot.Limits(110000, 0.80642448);

        Approx.Within(80.408963, limits.Lower95 * 100, 0.002);
        Approx.Within(80.875933, limits.Upper95 * 100, 0.002);
        Approx.Within(80.274317, limits.Lower998 * 100, 0.002);
        Approx.Within(81.010578, limits.Upper998 * 100, 0.002);
    }

    [Fact]
    public void Compute_GivesEachUnitExactlyTheRightFlag()
    {
        const double target = 0.3;
        const long n = 1000;
        double se = Math.Sqrt(target * (1 - target) / n);
        long At(double sigmas) => (long)Math.Round((target + (sigmas * se)) * n);
        var units = new List<FunnelUnit>
        {
            new("within", At(0.5), n),
            new("high", At(2.5), n),
            new("above", At(4), n),
            new("low", At(-2.5), n),
            new("below", At(-4), n),
        };

        var result = FunnelPlot.Compute(units, target);

        Assert.Equal(
            [FunnelFlag.Within, FunnelFlag.High, FunnelFlag.Above, FunnelFlag.Low, FunnelFlag.Below],
            result.Points.Select(p => p.Flag));
        Assert.All(result.Points, p => Assert.Equal(FunnelLimitMethod.Normal, p.Limits.Method));
    }

    [Fact]
    public void Compute_FewerThanTenUnits_DoesNotAdjustAndSaysSo()
    {
        var units = Enumerable.Range(0, 9).Select(i => new FunnelUnit($"L{i}", 10 + (i * 15), 200)).ToList();

        var result = FunnelPlot.Compute(units);

        Assert.Null(result.Overdispersion);
        Assert.False(result.Adjusted);
        Assert.Equal(0, result.Tau2);
        Assert.Contains("Fewer than 10 units (9)", result.Note, StringComparison.Ordinal);
        Assert.Contains("not adjusted", result.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_Overdispersed_WidensLimitsByRandomEffects()
    {
        // Twelve units whose proportions vary far more than binomial sampling allows.
        long[] events = [20, 35, 50, 60, 70, 80, 90, 100, 110, 130, 150, 190];
        long[] cases = [200, 210, 220, 230, 240, 250, 260, 270, 280, 290, 300, 310];
        var units = events.Select((e, i) => new FunnelUnit($"U{i:00}", e, cases[i])).ToList();
        double target = (double)events.Sum() / cases.Sum();

        var result = FunnelPlot.Compute(units, target);
        var (phi, tau2) = ReferenceOverdispersion(events, cases, target);

        Assert.NotNull(result.Overdispersion);
        Assert.True(result.Adjusted);
        Approx.Within(phi, result.Overdispersion!.Phi, 1e-12);
        Approx.Within(12 * phi, result.Overdispersion.Statistic, 1e-10);
        Assert.Equal(11, result.Overdispersion.DegreesOfFreedom);
        Approx.Within(tau2, result.Tau2, 1e-15);
        Assert.True(result.Tau2 > 0);
        Assert.Contains("Overdispersion present", result.Note, StringComparison.Ordinal);
        foreach (var point in result.Points)
        {
            double s = Math.Sqrt((target * (1 - target) / point.Denominator) + tau2);
            Assert.Equal(FunnelLimitMethod.NormalRandomEffects, point.Limits.Method);
            Approx.Within(target + (NormalQuantiles.Z95 * s), point.Limits.Upper95, 1e-15);
            Approx.Within(target - (NormalQuantiles.Z998 * s), point.Limits.Lower998, 1e-15);
            Assert.Equal(point.Limits.Classify(point.Proportion), point.Flag);
        }
    }

    [Fact]
    public void Compute_Winsorising_StopsOneExtremeUnitWideningItsOwnLimits()
    {
        // Eleven units exactly on target and one far above it. Unwinsorised, the extreme unit alone would
        // give phi = z²/12 ≫ 1; winsorised at the 90th percentile its z is pulled back to the others'.
        var units = Enumerable.Range(0, 11).Select(i => new FunnelUnit($"U{i:00}", 30, 100)).ToList();
        units.Add(new FunnelUnit("extreme", 95, 100));
        double target = 0.3;

        var result = FunnelPlot.Compute(units, target);

        Assert.False(result.Adjusted);
        Assert.Equal(0, result.Overdispersion!.Phi);
        Assert.Equal(FunnelFlag.Above, result.Points.Single(p => p.Id == "extreme").Flag);
        Assert.Contains("not significant", result.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_WithinBinomialVariation_IsTestedButNotAdjusted()
    {
        long[] events = [28, 31, 30, 33, 29, 27, 32, 30, 31, 29];
        var units = events.Select((e, i) => new FunnelUnit($"U{i}", e, 100)).ToList();

        var result = FunnelPlot.Compute(units);

        Assert.NotNull(result.Overdispersion);
        Assert.False(result.Overdispersion!.Overdispersed);
        Assert.True(result.Overdispersion.PValue > 0.05);
        Assert.All(result.Points, p => Assert.Equal(FunnelFlag.Within, p.Flag));
    }

    [Fact]
    public void Compute_UnitsWithoutCases_AreListedNotPlotted()
    {
        var result = FunnelPlot.Compute([new FunnelUnit("A", 3, 10), new FunnelUnit("Empty", 0, 0), new FunnelUnit("B", 4, 12)], 0.3);

        Assert.Equal(["A", "B"], result.Points.Select(p => p.Id));
        Assert.Equal(["Empty"], result.UnitsWithoutCases);
    }

    [Fact]
    public void Compute_TargetZero_LimitsCollapseAndNonZeroUnitsAreAbove()
    {
        var result = FunnelPlot.Compute([new FunnelUnit("A", 0, 10), new FunnelUnit("B", 1, 10)], 0);

        Assert.Equal(FunnelFlag.Within, result.Points[0].Flag);
        Assert.Equal(FunnelFlag.Above, result.Points[1].Flag);
        Assert.Equal(FunnelLimitMethod.Degenerate, result.Points[0].Limits.Method);
        Assert.Null(result.Points[0].ZScore);
        Assert.Contains("cannot be assessed", result.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_RejectsImpossibleUnits()
    {
        Assert.Throws<ArgumentException>(() => FunnelPlot.Compute([new FunnelUnit("A", 11, 10)], 0.5));
        Assert.Throws<ArgumentException>(() => FunnelPlot.Compute([new FunnelUnit("A", 1, 10), new FunnelUnit("A", 2, 10)], 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => FunnelPlot.Compute([new FunnelUnit("A", 1, 10)], 1.5));
    }

    [Fact]
    public void Curve_SpansTheRangeAndNarrows()
    {
        var curve = FunnelPlot.Curve(0.25, 5, 5000, 60);

        Assert.Equal(5, curve[0].Size);
        Assert.Equal(5000, curve[^1].Size);
        Assert.True(curve.Count <= 60);
        Assert.All(curve.Zip(curve.Skip(1)), pair => Assert.True(pair.Second.Size > pair.First.Size));
        Assert.Equal(FunnelLimitMethod.ExactBinomial, curve[0].Limits.Method);
        Assert.Equal(FunnelLimitMethod.Normal, curve[^1].Limits.Method);
        var normalPart = curve.Where(c => c.Limits.Method == FunnelLimitMethod.Normal).ToList();
        Assert.All(normalPart.Zip(normalPart.Skip(1)), pair => Assert.True(pair.Second.Limits.Upper95 < pair.First.Limits.Upper95));
        Assert.All(curve, c => Assert.True(c.Limits.Lower998 <= c.Limits.Lower95 && c.Limits.Upper95 <= c.Limits.Upper998));
    }

    [Fact]
    public void Curve_WithTau2_UsesRandomEffectsLimitsEverywhere()
    {
        var curve = FunnelPlot.Curve(0.25, 5, 500, 10, tau2: 0.001);

        Assert.All(curve, c => Assert.Equal(FunnelLimitMethod.NormalRandomEffects, c.Limits.Method));
    }

    [Fact]
    public void Quantile_IsRType7()
    {
        // R: quantile(1:10, c(0.1, 0.9)) gives 1.9 and 9.1.
        var values = Enumerable.Range(1, 10).Select(v => (double)v).ToList();

        Approx.Within(1.9, FunnelPlot.Quantile(values, 0.1), 1e-12);
        Approx.Within(9.1, FunnelPlot.Quantile(values, 0.9), 1e-12);
    }

    /// <summary>Spiegelhalter's interpolated quantile with the binomial CDF summed directly (no MathNet).</summary>
    private static double ReferenceLimit(long n, double target, double p)
    {
        var cdf = new double[n + 1];
        double running = 0;
        for (long k = 0; k <= n; k++)
        {
            double logChoose = 0;
            for (long i = 1; i <= k; i++)
            {
                logChoose += Math.Log(n - k + i) - Math.Log(i);
            }

            running += Math.Exp(logChoose + (k * Math.Log(target)) + ((n - k) * Math.Log(1 - target)));
            cdf[k] = running;
        }

        long r = 0;
        while (cdf[r] < p)
        {
            r++;
        }

        double below = r == 0 ? 0 : cdf[r - 1];
        double alpha = (cdf[r] - p) / (cdf[r] - below);
        return Math.Clamp((r - alpha) / n, 0, 1);
    }

    /// <summary>φ and τ² written out from Spiegelhalter (2005) section 6, with R type-7 winsorising at 10%.</summary>
    private static (double Phi, double Tau2) ReferenceOverdispersion(long[] events, long[] cases, double target)
    {
        int count = events.Length;
        var z = new double[count];
        var w = new double[count];
        for (int i = 0; i < count; i++)
        {
            double variance = target * (1 - target) / cases[i];
            z[i] = (((double)events[i] / cases[i]) - target) / Math.Sqrt(variance);
            w[i] = 1 / variance;
        }

        var sorted = z.OrderBy(v => v).ToArray();
        double Type7(double prob)
        {
            double h = (count - 1) * prob;
            int lo = (int)Math.Floor(h);
            return sorted[lo] + ((h - lo) * (sorted[Math.Min(lo + 1, count - 1)] - sorted[lo]));
        }

        double low = Type7(0.1);
        double high = Type7(0.9);
        double phi = z.Select(v => Math.Min(Math.Max(v, low), high)).Sum(v => v * v) / count;
        double tau2 = Math.Max(0, ((count * phi) - (count - 1)) / (w.Sum() - (w.Sum(x => x * x) / w.Sum())));
        return (phi, tau2);
    }

    [Theory]
    [InlineData(2, 2, 0.4, "Within")]   // P(2 of 2) = 0.16: nothing unusual, though 100% lies above the interpolated 99.8% limit
    [InlineData(8, 8, 0.4, "Above")]    // P(8 of 8) = 0.4^8 = 0.00066, under 0.1%
    [InlineData(7, 8, 0.4, "High")]     // P(at least 7 of 8) = 0.0085: under 2.5%, over 0.1%
    [InlineData(0, 10, 0.4, "Low")]     // P(0 of 10) = 0.006: below 2.5%, above 0.1%
    [InlineData(0, 20, 0.4, "Below")]   // P(0 of 20) = 0.000037
    public void Small_units_are_flagged_by_their_exact_tail_probability(int numerator, int denominator, double target, string expected)
    {
        Assert.Equal(expected, FunnelPlot.ExactFlag(numerator, denominator, target).ToString());
    }
}
