namespace Warehouse.Frameworks;

/// <summary>
/// A document's list of everyday phrases for need (Warwickshire's "Language we may use to describe need"). The
/// grouping by level is a judgement; the phrases are never accepted as a level.
/// </summary>
/// <param name="Note">The judgement behind the grouping and the reason the phrases are display and search only.</param>
/// <param name="Where">The section of the document that prints the list.</param>
/// <param name="Phrases">The phrases in document order.</param>
public sealed record DescribeNeedList(string Note, string? Where, IReadOnlyList<DescribeNeedPhrase> Phrases);
