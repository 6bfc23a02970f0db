using MathNet.Numerics.Distributions;

namespace Warehouse.Analytics.Statistics;

/// <summary>
/// Cohen's kappa and weighted kappa with the large-sample variances of Fleiss, Cohen &amp; Everitt
/// (1969, Psychological Bulletin 72:323–327), in the form given in the SAS/STAT PROC FREQ
/// documentation ("Tests and Measures of Agreement") and implemented by statsmodels
/// <c>stats.inter_rater.cohens_kappa</c>.
/// </summary>
/// <remarks>
/// <para>With similarity weights w(i,j) (w(i,i) = 1), cell proportions p(i,j), margins p(i·), p(·j):</para>
/// <para>Po = Σ w p(i,j); Pe = Σ w p(i·) p(·j); κ = (Po − Pe) / (1 − Pe);
/// w̄(i·) = Σ_j p(·j) w(i,j); w̄(·j) = Σ_i p(i·) w(i,j).</para>
/// <para>Var(κ) = [Σ p(i,j) (w(i,j) − (w̄(i·) + w̄(·j))(1 − κ))² − (κ − Pe(1 − κ))²] / (N (1 − Pe)²).</para>
/// <para>Var₀(κ) = [Σ p(i·) p(·j) (w(i,j) − (w̄(i·) + w̄(·j)))² − Pe²] / (N (1 − Pe)²).</para>
/// <para>Unweighted kappa is the special case w = identity; these formulas then reduce to the
/// separate simple-kappa formulas of Fleiss et al. (checked in the tests).</para>
/// <para>Kappa is undefined when Pe = 1 (both views use one and the same level only): the result is
/// <see cref="EstimateStatus.NotApplicable"/>. With N = 0 it is <see cref="EstimateStatus.NotAvailable"/>.</para>
/// </remarks>
internal static class CohenKappa
{
    /// <summary>Pe within this distance of 1 is treated as 1: kappa is then 0/0, not a number.</summary>
    private const double UndefinedTolerance = 1e-12;

    public static KappaEstimate Estimate(AgreementMatrix matrix, KappaWeighting weighting, double z = NormalQuantiles.Z95)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (weighting == KappaWeighting.Custom)
        {
            throw new ArgumentException("Custom weighting needs a weight matrix; use the overload that takes one.", nameof(weighting));
        }

        return Estimate(matrix, Weights(matrix.Levels, weighting), weighting, z);
    }

    /// <summary>Kappa with caller-supplied similarity weights (w(i,i) = 1, 0 ≤ w ≤ 1).</summary>
    public static KappaEstimate Estimate(AgreementMatrix matrix, double[,] weights, KappaWeighting weighting = KappaWeighting.Custom, double z = NormalQuantiles.Z95)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(weights);
        int k = matrix.Levels;
        if (weights.GetLength(0) != k || weights.GetLength(1) != k)
        {
            throw new ArgumentException("The weight matrix must have the same size as the agreement matrix.", nameof(weights));
        }

        long total = matrix.Total;
        if (total == 0)
        {
            return new KappaEstimate(weighting, EstimateStatus.NotAvailable, 0, null, null, null, null, null, null, null, null);
        }

        double n = total;
        var row = new double[k];
        var column = new double[k];
        for (int i = 0; i < k; i++)
        {
            row[i] = matrix.RowTotal(i) / n;
            column[i] = matrix.ColumnTotal(i) / n;
        }

        double observed = 0;
        double expected = 0;
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                observed += weights[i, j] * (matrix[i, j] / n);
                expected += weights[i, j] * row[i] * column[j];
            }
        }

        if (1 - expected <= UndefinedTolerance)
        {
            return new KappaEstimate(weighting, EstimateStatus.NotApplicable, total, observed, expected, null, null, null, null, null, null);
        }

        double kappa = (observed - expected) / (1 - expected);

        // Weighted margins: w̄(i·) averages row i's weights over the column margin, w̄(·j) column j's over the row margin.
        var rowMeanWeight = new double[k];
        var columnMeanWeight = new double[k];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                rowMeanWeight[i] += column[j] * weights[i, j];
                columnMeanWeight[j] += row[i] * weights[i, j];
            }
        }

        double sum = 0;
        double sumNull = 0;
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                double margin = rowMeanWeight[i] + columnMeanWeight[j];
                double deviation = weights[i, j] - (margin * (1 - kappa));
                sum += matrix[i, j] / n * deviation * deviation;
                double deviationNull = weights[i, j] - margin;
                sumNull += row[i] * column[j] * deviationNull * deviationNull;
            }
        }

        double scale = n * (1 - expected) * (1 - expected);
        double correction = kappa - (expected * (1 - kappa));

        // Both variances are differences of non-negative sums; rounding can leave a tiny negative.
        double variance = Math.Max(0, (sum - (correction * correction)) / scale);
        double varianceNull = Math.Max(0, (sumNull - (expected * expected)) / scale);
        double standardError = Math.Sqrt(variance);
        double nullStandardError = Math.Sqrt(varianceNull);
        double? zValue = nullStandardError > 0 ? kappa / nullStandardError : null;
        double? pValue = zValue is double zv ? 2 * (1 - Normal.CDF(0, 1, Math.Abs(zv))) : null;

        return new KappaEstimate(
            weighting,
            EstimateStatus.Available,
            total,
            observed,
            expected,
            kappa,
            standardError,
            new ConfidenceInterval(kappa - (z * standardError), kappa + (z * standardError)),
            nullStandardError,
            zValue,
            pValue);
    }

    /// <summary>The k×k similarity weights for a standard weighting.</summary>
    public static double[,] Weights(int levels, KappaWeighting weighting)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(levels, 1);
        var weights = new double[levels, levels];
        double span = levels - 1;
        for (int i = 0; i < levels; i++)
        {
            for (int j = 0; j < levels; j++)
            {
                if (i == j)
                {
                    weights[i, j] = 1;
                    continue;
                }

                double distance = Math.Abs(i - j);
                weights[i, j] = weighting switch
                {
                    KappaWeighting.Unweighted => 0,
                    KappaWeighting.Linear => 1 - (distance / span),
                    KappaWeighting.Quadratic => 1 - (distance * distance / (span * span)),
                    _ => throw new ArgumentOutOfRangeException(nameof(weighting), weighting, "No standard weights for this weighting."),
                };
            }
        }

        return weights;
    }
}
