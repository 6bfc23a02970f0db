namespace Warehouse.Analytics.Audit;

/// <summary>
/// A kappa on the audited cases with its asymptotic standard error, 95% interval and z statistic under
/// H0 (Fleiss, Cohen &amp; Everitt 1969). When <see cref="Status"/> is not <c>available</c> every value is
/// null: <c>not_applicable</c> ([z]) when expected agreement is 1, <c>not_available</c> ([x]) with no cases.
/// </summary>
public sealed record SampleKappa(string Status, double? Value, double? StandardError, double? Lower, double? Upper, double? NullStandardError, double? Z, double? PValue);
