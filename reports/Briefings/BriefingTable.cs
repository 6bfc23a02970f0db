namespace Warehouse.Reports.Briefings;

/// <summary>A table in a briefing: the accessible alternative to a chart, or the key figures.</summary>
/// <param name="Caption">What the table shows and when.</param>
/// <param name="Headers">Column headers.</param>
/// <param name="Rows">Rows; the first cell of each is its row header.</param>
/// <param name="Highlight">Index of the row about the briefing's own locality (bold, and labelled, never colour alone).</param>
internal sealed record BriefingTable(string Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<BriefingCell>> Rows, int? Highlight = null);
