namespace Warehouse.Analytics.Audit;

/// <summary>The findings of an audit, as named in <c>analytics.audit_findings.comparison</c>.</summary>
public static class AuditComparisons
{
    /// <summary>The right-level rate: the auditor's level equals the recommended level; design-weighted, for the month.</summary>
    public const string RightLevel = "right_level";

    /// <summary>Auditor → recommended agreement in the sample (the same name as the check runs' comparison).</summary>
    public const string AuditedToRecommended = "audited_to_recommended";

    /// <summary>Auditor → actual agreement in the sample.</summary>
    public const string AuditedToActual = "audited_to_actual";

    /// <summary>First auditor → second auditor on the moderated cases.</summary>
    public const string Moderation = "moderation";

    /// <summary><c>analytics.audit_findings.basis</c> of estimates for the month's population (weighted by 1 / π).</summary>
    public const string DesignWeighted = "design_weighted";

    /// <summary><c>analytics.audit_findings.basis</c> of figures about the audited cases themselves (unweighted).</summary>
    public const string Sample = "sample";
}
