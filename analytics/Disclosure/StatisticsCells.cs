using Warehouse.Analytics.Statistics;

namespace Warehouse.Analytics.Disclosure;

/// <summary>Turns agreement results into disclosure cells, so every estimate reaches the pack through this stage.</summary>
internal static class StatisticsCells
{
    /// <summary>
    /// A kappa as a statistic cell: undefined → <c>[z]</c>, no cases → <c>[x]</c>, otherwise subject to the
    /// low-reliability rule; the interval travels with it.
    /// </summary>
    /// <param name="id">The kappa's identity in the pack.</param>
    /// <param name="estimate">The estimate from <see cref="CohenKappa"/> or <see cref="AgreementStatistics"/>.</param>
    /// <param name="decimals">Decimal places to publish.</param>
    /// <param name="reveals">Counts the kappa would give away with its published margins, usually the disagreements.</param>
    public static StatisticCell Kappa(CellKey id, KappaEstimate estimate, int decimals = 2, IReadOnlyList<CellKey>? reveals = null)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        return new StatisticCell(id, estimate.Kappa, estimate.Cases)
        {
            Decimals = decimals,
            NotApplicable = estimate.Status == EstimateStatus.NotApplicable,
            Interval = estimate.Interval,
            Reveals = reveals ?? [],
        };
    }

    /// <summary>
    /// A proportion (agreement, over, under, serious under) as a percentage with its Wilson interval; the
    /// keys link its numerator and denominator to the count cells that show the same numbers.
    /// </summary>
    public static RateCell Percentage(CellKey id, CellKey numerator, CellKey denominator, ProportionEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        return new RateCell(id, new Quantity(numerator, estimate.Count), new Quantity(denominator, estimate.Total))
        {
            Interval = estimate.Interval,
        };
    }
}
