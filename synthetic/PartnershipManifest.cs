namespace Warehouse.Synthetic;

/// <summary>What was generated for one partnership.</summary>
/// <param name="Partnership">The partnership's code (its inbox folder).</param>
/// <param name="FrameworkVersions">The framework versions in force over the consultations.</param>
/// <param name="FirstConsultationDate">The first consultation's date, or null when there is none.</param>
/// <param name="LastConsultationDate">The last consultation's date, or null.</param>
/// <param name="AnnexACoverageStart">The earliest event date across Lists 1–5 of all returns, or null.</param>
/// <param name="AnnexACoverageEnd">
/// The latest such date: the data cut-off the realised figures assume. A consultation without a recorded actual
/// level whose window ends after it is pending.
/// </param>
/// <param name="Counts">Rows and files written.</param>
/// <param name="Planted">The planted inconsistencies (empty when none were planted).</param>
/// <param name="TransitionMatrices">The recommended → actual probabilities used.</param>
/// <param name="Realised">The recommended → actual counts the written data produce under CONTRACT.md section 3.</param>
/// <param name="Notes">Decisions a reader of this partnership's data should know.</param>
public sealed record PartnershipManifest(
    string Partnership,
    IReadOnlyList<string> FrameworkVersions,
    DateOnly? FirstConsultationDate,
    DateOnly? LastConsultationDate,
    DateOnly? AnnexACoverageStart,
    DateOnly? AnnexACoverageEnd,
    PartnershipCounts Counts,
    PlantedItems Planted,
    TransitionMatrices TransitionMatrices,
    RealisedAgreement Realised,
    IReadOnlyList<string> Notes);
