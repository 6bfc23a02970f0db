namespace Warehouse.Reports.Audit;

/// <summary>
/// The headers of the Audit sheet. The import (etl/Sources/Audit/AuditReturnColumns.cs) finds its
/// columns by these same words; the round-trip test fails if the two drift apart.
/// </summary>
internal static class AuditWorkbookColumns
{
    /// <summary>The sheet the cases are on: the inbox recognises an audit return by it (etl/Inbox/FileRecogniser.cs).</summary>
    public const string Sheet = "Audit";

    public const string Case = "Case";
    public const string ConsultationId = "Consultation id";
    public const string ChildKey = "Child key (pseudonymised)";
    public const string ConsultationDate = "Consultation date";
    public const string DecisionDate = "Decision date";
    public const string Locality = "Locality";
    public const string CallerAgency = "Caller's agency";
    public const string Indicators = "Indicators recorded (the document's wording)";
    public const string Likelihood = "Likelihood (How likely is this?)";
    public const string Seriousness = "Seriousness (How serious is this?)";

    // Shown only when the audit is not blind.
    public const string Outcome = "Outcome";
    public const string RecommendedLevel = "Recommended level";
    public const string IndicatedLevel = "Indicated level";
    public const string ActualLevel = "Actual level";
    public const string ActualSource = "Actual level from";

    // The auditor's input.
    public const string AuditorLevel = "Auditor's level";
    public const string AuditorAgency = "Auditor's agency";
    public const string AuditDate = "Audit date";
    public const string Rationale = "Rationale (stays in this workbook)";

    // Filled in by the warehouse, locked: how the import links a row to its sample.
    public const string AuditorRef = "Auditor reference";
    public const string AuditId = "Audit id";
}
