namespace Warehouse.Analytics.Audit;

/// <summary>The findings of one audit, as stored in <c>analytics.audit_findings</c> and <c>analytics.audit_findings_matrix</c>.</summary>
/// <param name="AuditId">The audit.</param>
/// <param name="Partnership">Its partnership.</param>
/// <param name="Period">The month audited.</param>
/// <param name="ComputedAt">When the findings were computed.</param>
/// <param name="RightLevel">The design-weighted right-level rate for the month.</param>
/// <param name="AuditedToRecommended">Auditor → recommended, sample figures.</param>
/// <param name="AuditedToActual">Auditor → actual, sample figures.</param>
/// <param name="Moderation">First auditor → second auditor on the moderated cases both judged.</param>
/// <param name="Notes">What a reader must know (cases not yet judged, strata left out, lonely strata).</param>
public sealed record AuditFindingsResult(
    string AuditId,
    string Partnership,
    DateOnly Period,
    DateTimeOffset ComputedAt,
    RightLevelEstimate RightLevel,
    SampleAgreement AuditedToRecommended,
    SampleAgreement AuditedToActual,
    SampleAgreement Moderation,
    IReadOnlyList<string> Notes);
