using Warehouse.Analytics.Audit;

namespace Warehouse.Analytics.Tests.Audit;

public sealed class StratumAllocationTests
{
    private static StratumSize S(string name, long population, bool takeAll = false) => new(name, population, takeAll);

    [Fact]
    public void Allocate_IsProportional_WhenNoBoundBinds()
    {
        var (sampled, notes) = StratumAllocation.Allocate([S("a", 100), S("b", 50), S("c", 30), S("d", 20)], 40, 2);

        Assert.Equal([20, 10, 6, 4], sampled);
        Assert.Empty(notes);
    }

    [Fact]
    public void Allocate_GivesEveryStratumItsMinimum_AndTheRestProportionally()
    {
        // Proportionally the 10-case stratum would get 0.2 and the 3-case one 0.06: the minimum lifts
        // them (the 3-case stratum to all 3 of its cases) and the large stratum gets what is left.
        var (sampled, notes) = StratumAllocation.Allocate([S("big", 1000), S("small", 10), S("tiny", 3)], 20, 5);

        Assert.Equal([12, 5, 3], sampled);
        Assert.Empty(notes);
    }

    [Fact]
    public void Allocate_TakesEveryCaseOfATakeAllStratum_BeforeAllocatingTheRest()
    {
        var (sampled, _) = StratumAllocation.Allocate([S("rest", 100), S("serious", 7, takeAll: true)], 10, 2);

        Assert.Equal([3, 7], sampled);
    }

    [Fact]
    public void Allocate_KeepsTakeAllCasesAndMinimums_WhenTheyExceedTheSizeAskedFor()
    {
        var (sampled, notes) = StratumAllocation.Allocate([S("a", 100), S("b", 100), S("serious", 12, takeAll: true)], 10, 2);

        Assert.Equal([2, 2, 12], sampled);
        Assert.Equal(2, notes.Count);
        Assert.Contains(notes, n => n.Contains("take-all", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("minimum of 2", StringComparison.Ordinal));
    }

    [Fact]
    public void Allocate_TakesEveryCase_WhenTheSizeCoversThePopulation()
    {
        var (sampled, notes) = StratumAllocation.Allocate([S("a", 4), S("b", 3)], 50, 2);

        Assert.Equal([4, 3], sampled);
        Assert.Single(notes);
    }

    [Fact]
    public void Allocate_StaysWithinBounds_AddsUpToTheBudget_AndIsWithinOneOfTheBoundedProportionalShare()
    {
        var random = new Random(20261122);
        for (int trial = 0; trial < 500; trial++)
        {
            int count = random.Next(1, 16);
            var strata = Enumerable.Range(0, count)
                .Select(i => S("s" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture), random.Next(1, 400), random.NextDouble() < 0.15))
                .ToList();
            int size = random.Next(1, 300);
            int minimum = random.Next(1, 6);

            var (sampled, _) = StratumAllocation.Allocate(strata, size, minimum);

            long certain = strata.Where(s => s.TakeAll).Sum(s => s.Population);
            var rest = Enumerable.Range(0, count).Where(h => !strata[h].TakeAll).ToList();
            long lowerTotal = rest.Sum(h => Math.Min(strata[h].Population, minimum));
            long restPopulation = rest.Sum(h => strata[h].Population);
            long expectedTotal = certain + Math.Clamp(size - certain, lowerTotal, restPopulation);
            Assert.Equal(expectedTotal, sampled.Sum(n => (long)n));
            for (int h = 0; h < count; h++)
            {
                if (strata[h].TakeAll)
                {
                    Assert.Equal(strata[h].Population, sampled[h]);
                }
                else
                {
                    Assert.InRange(sampled[h], Math.Min(strata[h].Population, minimum), strata[h].Population);
                }
            }

            // Where neither bound binds, n_h is within one of λ·N_h for a single λ: the ratios n_h / N_h
            // of unbounded strata differ by less than 1/N_a + 1/N_b.
            var free = rest.Where(h => sampled[h] > minimum && sampled[h] < strata[h].Population).ToList();
            foreach (var a in free)
            {
                foreach (var b in free)
                {
                    double gap = Math.Abs(((double)sampled[a] / strata[a].Population) - ((double)sampled[b] / strata[b].Population));
                    Assert.True(gap < (1.0 / strata[a].Population) + (1.0 / strata[b].Population) + 1e-12, $"trial {trial}: {a} and {b} are not proportional");
                }
            }
        }
    }
}
