namespace Warehouse.Reports.Audit;

/// <summary>One whole-month row of <c>analytics.audit_findings</c> (stratum rows are not published).</summary>
internal sealed record AuditFindingRow(
    string Comparison,
    string Basis,
    string Measure,
    double? Value,
    double? Lower,
    double? Upper,
    long? Numerator,
    long? Denominator,
    string Status);
