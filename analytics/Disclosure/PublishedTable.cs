namespace Warehouse.Analytics.Disclosure;

/// <summary>A table after disclosure control, cells in input order.</summary>
internal sealed record PublishedTable(string Id, IReadOnlyList<PublishedCell> Cells)
{
    public PublishedCell this[CellKey id] => Cells.FirstOrDefault(c => c.Id == id)
        ?? throw new KeyNotFoundException($"Table '{Id}' has no cell '{id}'.");
}
