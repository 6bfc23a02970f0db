namespace Warehouse.Etl.Sources.Audit;

/// <summary>A judgement that passed every check, ready for <c>fact.audit_judgement</c>.</summary>
internal sealed record AuditJudgement(int RowNumber, string AuditId, string ConsultationId, string AuditorRef, int Level, string? Agency, DateOnly Date);
