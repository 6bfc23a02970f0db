namespace Warehouse.Analytics.Audit;

/// <summary>One sampled case with the levels at the draw and what its auditors judged (null: not judged yet).</summary>
internal sealed record AuditCaseFinding(
    string ConsultationId,
    string Stratum,
    int RecommendedLevel,
    int ActualLevel,
    int? FirstLevel,
    string? SecondAuditor,
    int? SecondLevel)
{
    /// <summary>The case's judgement: its own auditor's, or the second auditor's when the first has not judged it.</summary>
    public int? JudgedLevel => FirstLevel ?? SecondLevel;
}
