using System.Globalization;

namespace Warehouse.Analytics.Audit;

/// <summary>
/// How many cases each stratum gives (docs/audit.md, "Allocation"): take-all strata all their cases;
/// the others a bounded proportional allocation of what is left of the size asked for – n_h as
/// near λ·N_h as whole numbers allow, never below min(N_h, minimum) and never above N_h.
/// </summary>
/// <remarks>
/// <para>λ solves Σ clamp(λ·N_h, min(N_h, m), N_h) = budget (the left side is continuous and
/// non-decreasing in λ, so bisection finds it); the real allocations are then rounded by the
/// largest-remainder method, ties to the larger stratum, then by name, so the result is
/// deterministic and adds up to the budget exactly.</para>
/// <para>Without a minimum that binds this is proportional allocation (Cochran 1977, chapter 5),
/// under which the stratified estimate is self-weighting apart from rounding.</para>
/// </remarks>
internal static class StratumAllocation
{
    private const int Iterations = 200;

    public static (int[] Sampled, IReadOnlyList<string> Notes) Allocate(IReadOnlyList<StratumSize> strata, int size, int minimum)
    {
        ArgumentNullException.ThrowIfNull(strata);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimum, 1);
        var notes = new List<string>();
        var sampled = new int[strata.Count];
        long certain = 0;
        for (int h = 0; h < strata.Count; h++)
        {
            if (strata[h].Population is < 0 or > int.MaxValue)
            {
                throw new ArgumentOutOfRangeException(nameof(strata), strata[h].Population, $"Stratum '{strata[h].Stratum}' has an impossible population.");
            }

            if (strata[h].TakeAll)
            {
                sampled[h] = (int)strata[h].Population;
                certain += strata[h].Population;
            }
        }

        var rest = Enumerable.Range(0, strata.Count).Where(h => !strata[h].TakeAll && strata[h].Population > 0).ToList();
        long restPopulation = rest.Sum(h => strata[h].Population);
        long budget = size - certain;
        if (budget < 0)
        {
            notes.Add(Text($"The {certain} take-all case(s) (every serious under-response) are more than the {size} asked for: all are in the sample."));
        }

        if (rest.Count == 0)
        {
            return (sampled, notes);
        }

        var lower = rest.ToDictionary(h => h, h => (int)Math.Min(strata[h].Population, minimum));
        long lowerTotal = lower.Values.Sum(v => (long)v);
        if (budget >= restPopulation)
        {
            foreach (var h in rest)
            {
                sampled[h] = (int)strata[h].Population;
            }

            if (budget > restPopulation)
            {
                notes.Add(Text($"The month has {certain + restPopulation} assessable consultation(s), no more than the {size} asked for: every one is audited."));
            }

            return (sampled, notes);
        }

        if (budget <= lowerTotal)
        {
            foreach (var h in rest)
            {
                sampled[h] = lower[h];
            }

            if (budget < lowerTotal)
            {
                notes.Add(Text($"The minimum of {minimum} case(s) per stratum over {rest.Count} strata needs {lowerTotal}, more than the {Math.Max(budget, 0)} left after the take-all cases: the sample is {certain + lowerTotal}, not {size}."));
            }

            return (sampled, notes);
        }

        double Allocated(int h, double lambda) => Math.Clamp(lambda * strata[h].Population, lower[h], strata[h].Population);

        // f(0) = Σ lower < budget and f(1) = Σ N_h > budget: bisect on λ in [0, 1].
        double low = 0;
        double high = 1;
        for (int i = 0; i < Iterations; i++)
        {
            double middle = (low + high) / 2;
            if (rest.Sum(h => Allocated(h, middle)) < budget)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        var real = rest.ToDictionary(h => h, h => Allocated(h, high));
        foreach (var h in rest)
        {
            // A hair of tolerance so that 2.9999999 (bisection's rounding) counts as 3.
            sampled[h] = (int)Math.Min(strata[h].Population, Math.Max(lower[h], Math.Floor(real[h] + 1e-9)));
        }

        long remainder = budget - rest.Sum(h => (long)sampled[h]);
        while (remainder > 0)
        {
            var next = rest.Where(h => sampled[h] < strata[h].Population)
                .OrderByDescending(h => real[h] - sampled[h])
                .ThenByDescending(h => strata[h].Population)
                .ThenBy(h => strata[h].Stratum, StringComparer.Ordinal)
                .First();
            sampled[next]++;
            remainder--;
        }

        while (remainder < 0)
        {
            var next = rest.Where(h => sampled[h] > lower[h])
                .OrderBy(h => real[h] - sampled[h])
                .ThenBy(h => strata[h].Population)
                .ThenByDescending(h => strata[h].Stratum, StringComparer.Ordinal)
                .First();
            sampled[next]--;
            remainder++;
        }

        return (sampled, notes);
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
