namespace Warehouse.Synthetic.Randomness;

/// <summary>A categorical distribution over indexes 0..n-1, sampled by one uniform draw.</summary>
internal sealed class WeightedTable
{
    private readonly double[] cumulative;

    public WeightedTable(IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        cumulative = new double[weights.Count];
        var total = 0.0;
        for (var i = 0; i < weights.Count; i++)
        {
            if (weights[i] < 0 || double.IsNaN(weights[i]))
            {
                throw new ArgumentException("Weights must be non-negative numbers.", nameof(weights));
            }

            total += weights[i];
            cumulative[i] = total;
        }

        if (total <= 0)
        {
            throw new ArgumentException("At least one weight must be positive.", nameof(weights));
        }

        Total = total;
    }

    public int Count => cumulative.Length;

    public double Total { get; }

    public int Sample(Rng rng) => IndexOf(rng.NextDouble() * Total);

    /// <summary>Samples from a uniform value already drawn in [0, 1): for attributes derived from a hash.</summary>
    public int FromUnit(double unit) => IndexOf(unit * Total);

    private int IndexOf(double point)
    {
        // Small tables (a few dozen entries at most): a linear scan beats a binary search here.
        for (var i = 0; i < cumulative.Length; i++)
        {
            if (point < cumulative[i])
            {
                return i;
            }
        }

        // point == Total only through rounding: the last positive weight.
        for (var i = cumulative.Length - 1; i > 0; i--)
        {
            if (cumulative[i] > cumulative[i - 1])
            {
                return i;
            }
        }

        return 0;
    }
}
