namespace Warehouse.Etl.Sources.Audit;

/// <summary>
/// One case row of an audit return, as read: the cells the import uses, as text (dates as ISO), and
/// the audit date as a date when the cell held one. Never the rationale.
/// </summary>
internal sealed record AuditReturnRow(
    int RowNumber,
    string? AuditId,
    string? ConsultationId,
    string? AuditorRef,
    string? Level,
    string? Agency,
    string? DateText,
    DateOnly? Date)
{
    /// <summary>The auditor has filled in nothing: the case is not yet audited.</summary>
    public bool NotJudged => Level is null && Agency is null && DateText is null;
}
