namespace Warehouse.Synthetic;

/// <summary>
/// The probabilities of each intended actual level given the recommended level (rows: recommended level 1–4;
/// columns: actual level 1–4).
/// </summary>
/// <param name="Common">Used for every consultation not in a planted unit.</param>
/// <param name="OverResponseLocality">Used in the planted locality (not for the planted agency's calls there), or null.</param>
/// <param name="UnderResponseAgency">Used for the planted agency's calls (not in the planted locality), or null.</param>
/// <param name="Rule">How an intended level becomes a written one (recorded, or Annex A events and the nearest level they can show).</param>
public sealed record TransitionMatrices(
    IReadOnlyList<IReadOnlyList<double>> Common,
    IReadOnlyList<IReadOnlyList<double>>? OverResponseLocality,
    IReadOnlyList<IReadOnlyList<double>>? UnderResponseAgency,
    string Rule);
