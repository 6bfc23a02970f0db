namespace Warehouse.Frameworks;

/// <summary>A written limit of the crosswalk, with the document's words where it rests on them.</summary>
/// <param name="Text">The caveat.</param>
/// <param name="Quote">The sentence from the document it rests on, or null.</param>
/// <param name="Where">The section of the document, or null.</param>
public sealed record CrosswalkCaveat(string Text, string? Quote, string? Where);
