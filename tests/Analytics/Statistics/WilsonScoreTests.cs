using Warehouse.Analytics.Statistics;

namespace Warehouse.Analytics.Tests.Statistics;

public class WilsonScoreTests
{
    // Source: statsmodels statsmodels/stats/tests/results/results_proportion.py, res_binom[(x, n)],
    // last method ("wilson"), generated with R binom::binom.confint(x, n, tol = 1e-8).
    [Theory]
    [InlineData(18, 20, 0.6989663547715128, 0.972133518786232, 12)]
    [InlineData(4, 20, 0.0806576625797981, 0.4160174322518935, 12)]
    [InlineData(4, 200, 0.00780442641634947, 0.05028708690582643, 12)]
    [InlineData(190, 200, 0.910421851861224, 0.972617354399236, 12)]
    [InlineData(1, 30, 5.908590e-03, 0.16670391, 8)]
    [InlineData(29, 30, 0.8332961, 0.9940914, 7)]
    [InlineData(0, 30, 0.0, 0.11351339, 8)]
    [InlineData(30, 30, 0.8864866, 1.0, 7)]
    public void Estimate_MatchesRBinomWilson(long count, long total, double lower, double upper, int decimals)
    {
        var estimate = WilsonScore.Estimate(count, total);

        Assert.True(estimate.IsAvailable);
        Approx.Within((double)count / total, estimate.Proportion, 1e-15);
        Approx.Equal(lower, estimate.Interval!.Value.Lower, decimals);
        Approx.Equal(upper, estimate.Interval!.Value.Upper, decimals);
    }

    [Fact]
    public void Estimate_AllOrNothing_HasExactBounds()
    {
        Assert.Equal(0.0, WilsonScore.Estimate(0, 7).Interval!.Value.Lower);
        Assert.Equal(1.0, WilsonScore.Estimate(7, 7).Interval!.Value.Upper);
    }

    [Fact]
    public void Estimate_NoCases_IsNotAvailableRatherThanZeroOrNaN()
    {
        var estimate = WilsonScore.Estimate(0, 0);

        Assert.False(estimate.IsAvailable);
        Assert.Null(estimate.Proportion);
        Assert.Null(estimate.Interval);
    }

    [Fact]
    public void Estimate_UsesTheFullNormalQuantile()
    {
        // 1.96 instead of 1.959963984540054 moves this bound in the fifth decimal place.
        var exact = WilsonScore.Estimate(18, 20);
        var rounded = WilsonScore.Estimate(18, 20, 1.96);

        Assert.Equal(NormalQuantiles.Z95, MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 0.975), 14);
        Assert.NotEqual(exact.Interval!.Value.Lower, rounded.Interval!.Value.Lower);
    }

    [Fact]
    public void Estimate_CountAboveTotal_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WilsonScore.Estimate(5, 4));
    }
}
