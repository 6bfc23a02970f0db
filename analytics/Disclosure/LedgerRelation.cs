namespace Warehouse.Analytics.Disclosure;

/// <summary>Σ coefficient × quantity = 0 over ledger indices (total +1, parts −1).</summary>
internal sealed record LedgerRelation(IReadOnlyList<int> Members, IReadOnlyList<int> Coefficients, string Text);
