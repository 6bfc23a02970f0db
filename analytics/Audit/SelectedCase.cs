namespace Warehouse.Analytics.Audit;

/// <summary>A consultation drawn into a sample, with the levels that put it in its stratum and its random keys (Sql/select.sql).</summary>
internal sealed record SelectedCase(
    string ConsultationId,
    string Stratum,
    int RecommendedLevel,
    int ActualLevel,
    string ActualSource,
    string AssignKey,
    string OrderKey,
    string ModerationKey);
