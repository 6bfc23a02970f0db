namespace Warehouse.Reports.Audit;

/// <summary>
/// One case as an auditor's workbook shows it. The outcome and the levels are null in a blind audit:
/// they are then not even read from the warehouse.
/// </summary>
internal sealed record AuditWorkbookCase(
    int CaseNumber,
    string ConsultationId,
    string ChildKey,
    DateOnly ConsultationDate,
    DateOnly? DecisionDate,
    string Locality,
    string CallerAgency,
    string Indicators,
    int? Likelihood,
    int? Seriousness,
    string? Outcome,
    string? RecommendedLevel,
    string? IndicatedLevel,
    string? ActualLevel,
    string? ActualSource);
