using Warehouse.Analytics.Checks.Measures;

namespace Warehouse.Analytics.Tests.Checks.Measures;

public class PoissonRateTests
{
    [Theory]
    // Exact (Garwood) 95% limits for a Poisson count, computed independently by solving
    // P(X >= k | lower) = 0.025 and P(X <= k | upper) = 0.025 with summed Poisson probabilities
    // (the values R's poisson.test(k)$conf.int gives).
    [InlineData(0, 0.0, 3.688879)]
    [InlineData(1, 0.025318, 5.571643)]
    [InlineData(10, 4.795389, 18.390356)]
    [InlineData(100, 81.363991, 121.626794)]
    public void Limits_MatchTheExactPoissonTable(long count, double lower, double upper)
    {
        var (value, interval) = PoissonRate.Estimate(count, 10_000, 10_000);

        Assert.Equal(count, value, 12);
        Approx.Within(lower, interval.Lower, 1e-5);
        Approx.Within(upper, interval.Upper, 1e-5);
    }

    [Fact]
    public void Rate_IsScaledToThePopulation()
    {
        var (value, interval) = PoissonRate.Estimate(10, 40_000, 10_000);

        Assert.Equal(2.5, value, 12);
        Approx.Within(4.795389 / 4, interval.Lower, 1e-5);
    }
}
