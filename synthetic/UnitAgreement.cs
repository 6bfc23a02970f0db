namespace Warehouse.Synthetic;

/// <summary>Recommended → actual counts for one unit.</summary>
/// <param name="Unit">The unit's code (partnership, source, locality or agency).</param>
/// <param name="Assessable">Assessable consultations.</param>
/// <param name="Agree">Actual equal to recommended.</param>
/// <param name="Over">Actual above recommended.</param>
/// <param name="Under">Actual below recommended.</param>
/// <param name="SeriousUnder">Recommended at the top level, actual at the second level or below.</param>
/// <param name="Matrix">Counts, rows recommended level 1–4, columns actual level 1–4.</param>
public sealed record UnitAgreement(
    string Unit,
    long Assessable,
    long Agree,
    long Over,
    long Under,
    long SeriousUnder,
    IReadOnlyList<IReadOnlyList<long>> Matrix);
