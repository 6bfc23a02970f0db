namespace Warehouse.Analytics.Statistics;

/// <summary>Computes the per-comparison agreement measures of METRICS.md from a k×k matrix.</summary>
internal static class AgreementStatistics
{
    /// <summary>Serious under-response needs a top level and a "second level" below it, so at least three levels.</summary>
    public const int MinimumLevelsForSeriousUnder = 3;

    public static AgreementResult Compute(AgreementMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int k = matrix.Levels;
        long n = matrix.Total;

        long over = 0;
        long under = 0;
        for (int reference = 0; reference < k; reference++)
        {
            for (int compared = 0; compared < k; compared++)
            {
                if (compared > reference)
                {
                    over += matrix[reference, compared];
                }
                else if (compared < reference)
                {
                    under += matrix[reference, compared];
                }
            }
        }

        long topLevel = matrix.RowTotal(k - 1);
        ProportionEstimate? seriousUnder = null;
        ProportionEstimate? seriousUnderAmongTop = null;
        if (k >= MinimumLevelsForSeriousUnder)
        {
            // Reference at the top level (index k − 1); compared at or below the second level (index ≤ 1).
            long serious = matrix[k - 1, 0] + matrix[k - 1, 1];
            seriousUnder = WilsonScore.Estimate(serious, n);
            seriousUnderAmongTop = WilsonScore.Estimate(serious, topLevel);
        }

        return new AgreementResult(
            matrix,
            WilsonScore.Estimate(matrix.Diagonal(), n),
            CohenKappa.Estimate(matrix, KappaWeighting.Unweighted),
            CohenKappa.Estimate(matrix, KappaWeighting.Linear),
            CohenKappa.Estimate(matrix, KappaWeighting.Quadratic),
            WilsonScore.Estimate(over, n),
            WilsonScore.Estimate(under, n),
            seriousUnder,
            topLevel,
            seriousUnderAmongTop);
    }
}
