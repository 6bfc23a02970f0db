using Warehouse.Analytics.Disclosure;
using Warehouse.Reports.Packs.Data;
using Warehouse.Reports.Packs.Figures;

namespace Warehouse.Reports.Packs.Monthly;

/// <summary>
/// A pack before disclosure control: what it read, every table in sheet order, the chart-data tables
/// behind its native charts, and the one disclosure request that covers all of it.
/// </summary>
internal sealed record PackPlan(
    PackData Data,
    FigureBook Book,
    IReadOnlyList<PackTable> Tables,
    IReadOnlyList<PackTable> ChartTables,
    DisclosureRequest Request)
{
    /// <summary>The pack's structure as a reader knows it (for the disclosure tests' intruder).</summary>
    public PackLayout Layout() => PackLayout.Of(Book, Request);
}
