namespace Warehouse.Reports.Packs.Data;

/// <summary>
/// Rejected rows or data-quality warnings grouped by file kind, column and reason, with the
/// quoted values taken out of the reason (an executive pack never shows a source value).
/// </summary>
internal sealed record ProblemSummary(string Source, string Kind, string Column, string Reason, long Rows);
