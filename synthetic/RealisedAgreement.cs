namespace Warehouse.Synthetic;

/// <summary>
/// Recommended → actual as the written data give it under CONTRACT.md section 3, over assessable consultations
/// (recommended level written; actual level written, or Annex A-derived with its window closed by the coverage end).
/// </summary>
/// <param name="Partnership">The partnership as a whole.</param>
/// <param name="BySource">By where the actual level comes from: <c>recorded</c>, <c>annex_a</c>.</param>
/// <param name="ByLocality">By locality, in reference-data order.</param>
/// <param name="ByAgency">By calling agency, in reference-data order.</param>
public sealed record RealisedAgreement(
    UnitAgreement Partnership,
    IReadOnlyList<UnitAgreement> BySource,
    IReadOnlyList<UnitAgreement> ByLocality,
    IReadOnlyList<UnitAgreement> ByAgency);
