namespace Warehouse.Analytics.Disclosure;

/// <summary>The whole pack after disclosure control.</summary>
/// <param name="Options">The threshold and minimum applied (the notes sheet states them).</param>
/// <param name="Tables">Tables in input order.</param>
internal sealed record DisclosureResult(DisclosureOptions Options, IReadOnlyList<PublishedTable> Tables)
{
    /// <summary>The notes-sheet sentence describing the rules applied.</summary>
    public string Notes => Options.Describe();

    public PublishedTable this[string tableId] => Tables.FirstOrDefault(t => string.Equals(t.Id, tableId, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException($"No table '{tableId}'.");

    /// <summary>Every hidden figure with its table and reason, for the notes.</summary>
    public IEnumerable<(string TableId, PublishedCell Cell)> Hidden() =>
        Tables.SelectMany(t => t.Cells.Where(c => c.Reason is not null).Select(c => (t.Id, c)));
}
