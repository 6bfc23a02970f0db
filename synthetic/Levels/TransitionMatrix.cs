using Warehouse.Synthetic.Randomness;

namespace Warehouse.Synthetic.Levels;

/// <summary>Probabilities of the intended actual level (1–4) given the recommended level (1–4).</summary>
internal sealed class TransitionMatrix
{
    private readonly WeightedTable[] rows;

    public TransitionMatrix(double[][] probabilities)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        if (probabilities.Length != 4 || probabilities.Any(r => r.Length != 4))
        {
            throw new ArgumentException("A transition matrix is 4 × 4.", nameof(probabilities));
        }

        Probabilities = probabilities;
        rows = [.. probabilities.Select(r => new WeightedTable(r))];
    }

    /// <summary>
    /// The common matrix: mostly agreement, some over- and under-response, and never a serious under-response
    /// (top level to the second or below): those are planted, one by one, and listed in the manifest.
    /// </summary>
    public static TransitionMatrix Common { get; } = new(
    [
        [0.86, 0.08, 0.05, 0.01],
        [0.07, 0.80, 0.11, 0.02],
        [0.03, 0.09, 0.80, 0.08],
        [0.00, 0.00, 0.12, 0.88],
    ]);

    /// <summary>The planted locality: each row shifted towards more support than recommended.</summary>
    public static TransitionMatrix OverResponse { get; } = new(
    [
        [0.64, 0.18, 0.14, 0.04],
        [0.03, 0.62, 0.28, 0.07],
        [0.01, 0.04, 0.75, 0.20],
        [0.00, 0.00, 0.05, 0.95],
    ]);

    /// <summary>The planted agency: each row shifted towards less support than recommended (still no serious under-response).</summary>
    public static TransitionMatrix UnderResponse { get; } = new(
    [
        [0.95, 0.03, 0.02, 0.00],
        [0.28, 0.66, 0.05, 0.01],
        [0.14, 0.22, 0.61, 0.03],
        [0.00, 0.00, 0.32, 0.68],
    ]);

    public double[][] Probabilities { get; }

    /// <summary>The intended actual level for a recommended level (both 1–4).</summary>
    public int Sample(int recommended, Rng rng) => rows[recommended - 1].Sample(rng) + 1;

    public IReadOnlyList<IReadOnlyList<double>> ToList() => [.. Probabilities.Select(r => (IReadOnlyList<double>)[.. r])];
}
