namespace Warehouse.Etl.Sources.Audit;

/// <summary>
/// The columns of an audit return's Audit sheet, found by their header text (the words the workbook
/// writer, reports/Audit/AuditWorkbookColumns.cs, puts there). Case, spacing and the kind of
/// apostrophe do not matter. The rationale column is never read.
/// </summary>
internal static class AuditReturnColumns
{
    public const string Sheet = "Audit";

    public const string AuditId = "Audit id";
    public const string ConsultationId = "Consultation id";
    public const string AuditorRef = "Auditor reference";
    public const string AuditorLevel = "Auditor's level";
    public const string AuditorAgency = "Auditor's agency";
    public const string AuditDate = "Audit date";

    /// <summary>Columns a return cannot be read without.</summary>
    public static IReadOnlyList<string> Required { get; } = [AuditId, ConsultationId, AuditorRef, AuditorLevel, AuditDate];

    /// <summary>Every column the import reads: these and nothing else (never the rationale).</summary>
    public static IReadOnlyList<string> Read { get; } = [AuditId, ConsultationId, AuditorRef, AuditorLevel, AuditorAgency, AuditDate];

    /// <summary>A header as compared: trimmed, lower case, single spaces, typographic apostrophes made plain.</summary>
    public static string Normalise(string header) =>
        string.Join(' ', header.Replace('\u2019', '\'').Replace('\u2018', '\'').Trim().ToLowerInvariant()
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
