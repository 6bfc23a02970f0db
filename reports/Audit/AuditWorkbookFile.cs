namespace Warehouse.Reports.Audit;

/// <summary>One auditor's audit workbook, as written.</summary>
/// <param name="AuditorRef">The auditor it is for: no other auditor's cases or judgements are in it.</param>
/// <param name="Path">The file (owner-only, 0600).</param>
/// <param name="Cases">The cases it holds, moderation cases included.</param>
/// <param name="Blind">It shows neither the outcome nor any recorded or derived level.</param>
public sealed record AuditWorkbookFile(string AuditorRef, string Path, long Cases, bool Blind);
