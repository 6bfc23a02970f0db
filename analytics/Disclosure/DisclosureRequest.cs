namespace Warehouse.Analytics.Disclosure;

/// <summary>Everything one pack publishes, so that disclosure control sees all of it at once.</summary>
/// <param name="Tables">The pack's tables (charts are tables too: a chart's points are its cells).</param>
internal sealed record DisclosureRequest(IReadOnlyList<DisclosureTable> Tables)
{
    /// <summary>
    /// Relations between tables: a partnership total equals the sum of its localities; an area made of a
    /// single locality equals that locality; a year equals the sum of its months.
    /// </summary>
    public IReadOnlyList<AdditiveRelation> Links { get; init; } = [];

    /// <summary>The previous pack's published figures by id, to mark changed figures <c>[r]</c>.</summary>
    public IReadOnlyDictionary<CellKey, PublishedFigure> Previous { get; init; } = new Dictionary<CellKey, PublishedFigure>();
}
