namespace Warehouse.Synthetic;

/// <summary>The options of a run as the manifest records them.</summary>
/// <param name="Partnerships">The partnerships generated.</param>
/// <param name="StartMonth">The first month, <c>yyyy-MM</c>.</param>
/// <param name="Months">How many months.</param>
/// <param name="Today">No consultation or Annex A event is dated after this day.</param>
/// <param name="ConsultationsPerPartnership">Consultations per partnership.</param>
/// <param name="PlantInconsistencies">Whether inconsistencies were planted.</param>
/// <param name="RecordedActualShare">The share of consultations with <c>actual_level</c> written.</param>
/// <param name="AnnexAFormat">How Annex A was asked to be written (<c>auto</c>, <c>xlsx</c>, <c>csv_per_list</c>).</param>
/// <param name="ExcelRowLimit">The most rows a list may have in a workbook.</param>
/// <param name="Messy">Whether real-export mess was written.</param>
/// <param name="WindowDays">The window after a consultation in which Annex A events show the support given (CONTRACT.md section 3).</param>
public sealed record ManifestOptions(
    IReadOnlyList<string> Partnerships,
    string StartMonth,
    int Months,
    DateOnly Today,
    int ConsultationsPerPartnership,
    bool PlantInconsistencies,
    double RecordedActualShare,
    string AnnexAFormat,
    int ExcelRowLimit,
    bool Messy,
    int WindowDays);
