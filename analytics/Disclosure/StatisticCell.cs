using Warehouse.Analytics.Statistics;

namespace Warehouse.Analytics.Disclosure;

/// <summary>
/// A statistic such as kappa, published subject to the low-reliability rule rather than cell suppression.
/// </summary>
/// <param name="Id">The statistic's identity.</param>
/// <param name="Value">The estimate; null when not available or not applicable. Never NaN.</param>
/// <param name="Cases">The number of cases it rests on.</param>
internal sealed record StatisticCell(CellKey Id, double? Value, long Cases) : DisclosureCell(Id)
{
    /// <summary>Decimal places to publish.</summary>
    public int Decimals { get; init; } = 2;

    /// <summary>Undefined for these data, e.g. kappa when expected agreement is 1: <c>[z]</c>.</summary>
    public bool NotApplicable { get; init; }

    /// <summary>An interval on the statistic's own scale, published with the same decimals.</summary>
    public ConfidenceInterval? Interval { get; init; }

    /// <summary>
    /// Quantities this statistic, together with other published figures, would give away (e.g. the
    /// disagreements behind a kappa whose margins are published). When any of them is suppressed, the
    /// statistic is <c>[c]</c> too.
    /// </summary>
    public IReadOnlyList<CellKey> Reveals { get; init; } = [];
}
