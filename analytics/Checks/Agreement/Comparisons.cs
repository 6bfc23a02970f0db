namespace Warehouse.Analytics.Checks.Agreement;

/// <summary>
/// The comparisons, written reference → compared (METRICS.md). The same names and order are in
/// Sql/agreement.sql (<c>chk_comparisons</c>).
/// </summary>
internal static class Comparisons
{
    public const string CallerToRecommended = "caller_to_recommended";
    public const string RecommendedToActual = "recommended_to_actual";
    public const string IndicatedToRecommended = "indicated_to_recommended";
    public const string AuditedToRecommended = "audited_to_recommended";
    public const string AuditedToActual = "audited_to_actual";

    public static IReadOnlyList<string> All { get; } =
        [CallerToRecommended, RecommendedToActual, IndicatedToRecommended, AuditedToRecommended, AuditedToActual];
}
