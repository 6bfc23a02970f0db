namespace Warehouse.Analytics.Disclosure;

/// <summary>
/// total = Σ parts, between quantities of the pack: a row or column total, a grand total, or a link
/// between tables (a partnership and its localities, a year and its months). An area made of a single
/// locality is a relation with one part.
/// </summary>
internal sealed record AdditiveRelation(CellKey Total, IReadOnlyList<CellKey> Parts)
{
    /// <summary>Where the relation comes from, for the notes (e.g. "row total").</summary>
    public string? Description { get; init; }

    public override string ToString() => $"{Total} = {string.Join(" + ", Parts)}";
}
