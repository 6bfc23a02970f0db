namespace Warehouse.Synthetic;

/// <summary>What was written for one partnership.</summary>
/// <param name="Consultations">Consultation rows.</param>
/// <param name="Children">Distinct children among them.</param>
/// <param name="RepeatConsultations">Consultations about a child seen before.</param>
/// <param name="RecommendedBlank">Consultations without a recommended level.</param>
/// <param name="ActualRecorded">Consultations with <c>actual_level</c> written.</param>
/// <param name="ActualFromAnnexA">Consultations whose actual level Annex A gives, window closed by the coverage end.</param>
/// <param name="ActualPending">Consultations whose window is still open at the coverage end.</param>
/// <param name="ChildrenAlreadyOpen">Consultations about a child already open on List 6 or List 7.</param>
/// <param name="AnnexARows">Rows per Annex A list, List 1 first (Lists 6 and 7 count a row per return an episode appears in).</param>
/// <param name="ConsultationFiles">Consultation files.</param>
/// <param name="AnnexAWorkbooks">Annex A returns written as workbooks.</param>
/// <param name="AnnexAListFiles">Annex A list CSV files (returns too big for a workbook, or CSV asked for).</param>
public sealed record PartnershipCounts(
    long Consultations,
    long Children,
    long RepeatConsultations,
    long RecommendedBlank,
    long ActualRecorded,
    long ActualFromAnnexA,
    long ActualPending,
    long ChildrenAlreadyOpen,
    IReadOnlyList<long> AnnexARows,
    int ConsultationFiles,
    int AnnexAWorkbooks,
    int AnnexAListFiles);
