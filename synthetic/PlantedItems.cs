namespace Warehouse.Synthetic;

/// <summary>
/// The inconsistencies planted in one partnership's data. Apart from these, every locality and agency shares the
/// same response probabilities: any other flag the analytics raise is a false positive.
/// </summary>
/// <param name="OverResponseLocality">The locality whose consultations get more support than recommended, or null.</param>
/// <param name="UnderResponseAgency">The calling agency whose consultations get less support than recommended, or null.</param>
/// <param name="SeriousUnderResponses">
/// Consultation ids recommended at the top level whose actual level is the second level or below (all assessable at
/// the coverage end); no other consultation is a serious under-response.
/// </param>
public sealed record PlantedItems(
    string? OverResponseLocality,
    string? UnderResponseAgency,
    IReadOnlyList<string> SeriousUnderResponses);
