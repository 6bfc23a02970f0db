namespace Warehouse.Frameworks;

/// <summary>A sentence quoted verbatim from the source document (whitespace normalised as the file says).</summary>
/// <param name="Quote">The quoted text.</param>
/// <param name="Where">The section of the document it comes from, when known.</param>
public sealed record SeedQuote(string Quote, string? Where);
