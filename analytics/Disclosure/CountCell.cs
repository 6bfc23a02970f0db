namespace Warehouse.Analytics.Disclosure;

/// <summary>
/// A count. Its <see cref="DisclosureCell.Id"/> is the quantity it shows: the same key in another table
/// (or as a rate's numerator or denominator) is the same number.
/// </summary>
/// <param name="Id">The quantity.</param>
/// <param name="Value">The raw count; null when not available (<c>[x]</c>).</param>
internal sealed record CountCell(CellKey Id, long? Value) : DisclosureCell(Id)
{
    /// <summary>Structurally not applicable (<c>[z]</c>); such a cell carries no value.</summary>
    public bool NotApplicable { get; init; }
}
