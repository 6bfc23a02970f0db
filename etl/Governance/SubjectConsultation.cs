namespace Warehouse.Etl.Governance;

/// <summary>A consultation held about a child, as a subject access shows it (no free text, no team).</summary>
public sealed record SubjectConsultation(
    string Partnership,
    string ConsultationId,
    DateOnly ConsultationDate,
    DateOnly? DecisionDate,
    string Locality,
    string CallerAgency,
    string ContactSource,
    string? Consent,
    string Outcome,
    int? RecommendedLevel,
    int? ActualLevel,
    string? ActualSource,
    int? IndicatedLevel,
    IReadOnlyList<string> Indicators,
    DateOnly? BirthMonth,
    string? Sex,
    string? Ethnicity,
    bool? Disability);
