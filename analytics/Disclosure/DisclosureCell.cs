namespace Warehouse.Analytics.Disclosure;

/// <summary>One cell of a published table, before disclosure control.</summary>
/// <param name="Id">The figure's identity across the pack (see <see cref="CellKey"/>).</param>
internal abstract record DisclosureCell(CellKey Id)
{
    /// <summary>Marks the figure <c>[p]</c> when it is published (e.g. a month whose actual levels are still partly pending).</summary>
    public bool Provisional { get; init; }
}
