namespace Warehouse.Analytics.Disclosure;

/// <summary>One table of a pack: its cells and the additive relations between them.</summary>
/// <param name="Id">Unique within the pack.</param>
/// <param name="Cells">Every cell the table shows; an id appears at most once per table.</param>
internal sealed record DisclosureTable(string Id, IReadOnlyList<DisclosureCell> Cells)
{
    /// <summary>Row, column and grand totals (see <see cref="AdditiveRelations.ForGrid"/>).</summary>
    public IReadOnlyList<AdditiveRelation> Relations { get; init; } = [];
}
