using Warehouse.Analytics.Audit;

namespace Warehouse.Analytics.Tests.Audit;

/// <summary>
/// The stratified estimator against independent computations: a hand-worked example, the
/// Horvitz–Thompson variance with the design's joint inclusion probabilities, and full enumeration
/// of every possible sample (the estimator and its variance estimator are unbiased).
/// </summary>
public sealed class StratifiedProportionTests
{
    [Fact]
    public void Estimate_MatchesAHandWorkedExample()
    {
        // A: N 100, 10 judged, 7 yes. B: N 50, 5 judged, 2 yes. C: N 10, all 10 judged, 10 yes (no sampling error).
        var estimate = StratifiedProportion.Estimate(
        [
            new StratumObservation("A", 100, 10, 10, 7),
            new StratumObservation("B", 50, 5, 5, 2),
            new StratumObservation("C", 10, 10, 10, 10),
        ]);

        // p = (100·0.7 + 50·0.4 + 10·1) / 160 = 100 / 160.
        Approx.Within(0.625, estimate.Proportion, 1e-15);
        // A: (100/160)² · (1 − 10/100) · (10/9 · 0.21) / 10; B: (50/160)² · (1 − 5/50) · (5/4 · 0.24) / 5; C: 0.
        double a = (100.0 / 160) * (100.0 / 160) * 0.9 * (10.0 / 9 * 0.21) / 10;
        double b = (50.0 / 160) * (50.0 / 160) * 0.9 * (5.0 / 4 * 0.24) / 5;
        Approx.Within(a + b, estimate.Variance, 1e-15);
        Approx.Within(0.625 * 0.375 / (a + b), estimate.EffectiveSampleSize, 1e-9);
        Approx.Within((a + b) / (0.625 * 0.375 / 25), estimate.DesignEffect, 1e-12);
        Assert.Equal(160, estimate.CoveredPopulation);
    }

    [Fact]
    public void Estimate_EqualsHorvitzThompson_WithTheJointInclusionProbabilitiesOfTheDesign()
    {
        var random = new Random(4242);
        for (int trial = 0; trial < 200; trial++)
        {
            var strata = new List<StratumObservation>();
            var units = new List<(int Stratum, long N, int n, bool Yes)>();
            int count = random.Next(1, 6);
            for (int h = 0; h < count; h++)
            {
                int size = random.Next(2, 40);
                int sampled = random.Next(2, size + 1);
                int yes = random.Next(0, sampled + 1);
                strata.Add(new StratumObservation("s" + h.ToString(System.Globalization.CultureInfo.InvariantCulture), size, sampled, sampled, yes));
                for (int k = 0; k < sampled; k++)
                {
                    units.Add((h, size, sampled, k < yes));
                }
            }

            var estimate = StratifiedProportion.Estimate(strata);

            // Ŷ = Σ y_k / π_k; v(Ŷ) = Σ_k Σ_l (π_kl − π_k π_l) / π_kl · (y_k / π_k)(y_l / π_l), π_kk = π_k,
            // π_kl = n_h(n_h − 1) / (N_h(N_h − 1)) within a stratum and π_k π_l across strata.
            double population = strata.Sum(s => s.Population);
            double total = 0;
            double variance = 0;
            for (int i = 0; i < units.Count; i++)
            {
                var k = units[i];
                double pk = (double)k.n / k.N;
                total += (k.Yes ? 1 : 0) / pk;
                for (int j = 0; j < units.Count; j++)
                {
                    var l = units[j];
                    double pl = (double)l.n / l.N;
                    double pkl = i == j ? pk
                        : k.Stratum == l.Stratum ? (double)k.n * (k.n - 1) / (k.N * (k.N - 1.0))
                        : pk * pl;
                    variance += (pkl - (pk * pl)) / pkl * ((k.Yes ? 1 : 0) / pk) * ((l.Yes ? 1 : 0) / pl);
                }
            }

            Approx.Within(total / population, estimate.Proportion, 1e-12);
            Approx.Within(variance / (population * population), estimate.Variance, 1e-12);
        }
    }

    [Fact]
    public void Estimate_IsUnbiased_AndSoIsItsVariance_OverEveryPossibleSample()
    {
        // Stratum A: 6 cases, 3 "yes", sample 3 (20 samples). Stratum B: 5 cases, 1 "yes", sample 2 (10 samples).
        bool[] a = [true, true, true, false, false, false];
        bool[] b = [true, false, false, false, false];
        double truth = 4.0 / 11;
        var estimates = new List<(double P, double V)>();
        foreach (var sa in Subsets(a.Length, 3))
        {
            foreach (var sb in Subsets(b.Length, 2))
            {
                var e = StratifiedProportion.Estimate(
                [
                    new StratumObservation("A", 6, 3, 3, sa.Count(i => a[i])),
                    new StratumObservation("B", 5, 2, 2, sb.Count(i => b[i])),
                ]);
                estimates.Add((e.Proportion!.Value, e.Variance!.Value));
            }
        }

        double mean = estimates.Average(e => e.P);
        double trueVariance = estimates.Average(e => (e.P - truth) * (e.P - truth));
        Assert.Equal(200, estimates.Count);
        Approx.Within(truth, mean, 1e-12);
        Approx.Within(trueVariance, estimates.Average(e => e.V), 1e-12);
    }

    [Fact]
    public void Estimate_HasNoSamplingError_WhenEveryCaseWasJudged()
    {
        var estimate = StratifiedProportion.Estimate([new StratumObservation("A", 8, 8, 8, 6), new StratumObservation("B", 3, 3, 3, 0)]);

        Approx.Within(6.0 / 11, estimate.Proportion, 1e-15);
        Assert.Equal(0, estimate.Variance);
        Assert.Equal((6.0 / 11, 6.0 / 11), estimate.Interval);
        Assert.Null(estimate.EffectiveSampleSize);
    }

    [Fact]
    public void Estimate_UsesTheJudgedCount_WhenEveryJudgedCaseIsAtTheRightLevel()
    {
        var estimate = StratifiedProportion.Estimate([new StratumObservation("A", 100, 10, 10, 10), new StratumObservation("B", 50, 10, 10, 10)]);

        Assert.Equal(1, estimate.Proportion);
        Assert.Equal(0, estimate.Variance);
        // Wilson for 20 of 20: upper 1, lower 20 / (20 + z²).
        const double z = 1.959963984540054;
        Assert.Equal(1, estimate.Interval!.Value.Upper);
        Approx.Within(20 / (20 + (z * z)), estimate.Interval!.Value.Lower, 1e-12);
    }

    [Fact]
    public void Estimate_LeavesOutStrataWithoutJudgements_AndFlagsLonelyStrata()
    {
        var estimate = StratifiedProportion.Estimate(
        [
            new StratumObservation("A", 40, 4, 3, 2),
            new StratumObservation("B", 20, 3, 0, 0),
            new StratumObservation("C", 10, 2, 1, 1),
        ]);

        Assert.Equal(["B"], estimate.UncoveredStrata);
        Assert.Equal(["C"], estimate.LonelyStrata);
        Assert.Equal(50, estimate.CoveredPopulation);
        // Weights N_h / m_h: A 40/3 each, C 10.
        Approx.Within(((40.0 * 2 / 3) + (10.0 * 1)) / 50, estimate.Proportion, 1e-15);
        double va = 0.8 * 0.8 * (1 - (3.0 / 40)) * (3.0 / 2 * (2.0 / 3) * (1.0 / 3)) / 3;
        double vc = 0.2 * 0.2 * (1 - (1.0 / 10)) * 0.25 / 1;
        Approx.Within(va + vc, estimate.Variance, 1e-15);
    }

    [Fact]
    public void Estimate_IsNotAvailable_WithoutAnyJudgement()
    {
        var estimate = StratifiedProportion.Estimate([new StratumObservation("A", 40, 4, 0, 0)]);

        Assert.Null(estimate.Proportion);
        Assert.Null(estimate.Interval);
        Assert.Equal(["A"], estimate.UncoveredStrata);
    }

    private static IEnumerable<int[]> Subsets(int n, int k)
    {
        for (int mask = 0; mask < 1 << n; mask++)
        {
            if (System.Numerics.BitOperations.PopCount((uint)mask) == k)
            {
                yield return Enumerable.Range(0, n).Where(i => (mask & (1 << i)) != 0).ToArray();
            }
        }
    }
}
