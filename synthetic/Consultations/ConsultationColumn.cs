namespace Warehouse.Synthetic.Consultations;

/// <summary>The columns of a consultations file (CONTRACT.md section 1), in the contract's order.</summary>
internal enum ConsultationColumn
{
    ConsultationId,
    ChildId,
    DateOfBirth,
    Sex,
    Ethnicity,
    Disability,
    ConsultationDate,
    DecisionDate,
    Locality,
    CallerAgency,
    ContactSource,
    Consent,
    CallerLevel,
    Indicators,
    Likelihood,
    Seriousness,
    RecommendedLevel,
    Outcome,
    ActualLevel,
    Team,
}
