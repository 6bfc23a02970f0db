namespace Warehouse.Frameworks;

/// <summary>The threshold document a framework version encodes.</summary>
/// <param name="Title">The document's title.</param>
/// <param name="Publisher">Who published it.</param>
/// <param name="PrintedDate">The date as printed in the document, or null when it prints none.</param>
/// <param name="SeedFile">The file name of the document's text in <c>shared/seeds/</c>.</param>
/// <param name="DateNote">Where the effective date comes from, and any judgement made about it.</param>
public sealed record SourceDocument(string Title, string Publisher, string? PrintedDate, string SeedFile, string DateNote);
