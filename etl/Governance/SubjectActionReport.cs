namespace Warehouse.Etl.Governance;

/// <summary>What an erasure or a correction changed.</summary>
/// <param name="Action"><see cref="GovernanceLog.Erase"/> or <see cref="GovernanceLog.Correct"/>.</param>
/// <param name="Partnership">The partnership acted in.</param>
/// <param name="Pseudonym">The child acted on (for a correction: the wrong id's pseudonym).</param>
/// <param name="OtherPseudonym">For a correction: the right id's pseudonym; null for an erasure.</param>
/// <param name="RowsChanged">Rows deleted (erasure) or moved (correction) per table.</param>
public sealed record SubjectActionReport(
    string Action,
    string Partnership,
    string Pseudonym,
    string? OtherPseudonym,
    IReadOnlyDictionary<string, long> RowsChanged)
{
    /// <summary>All rows changed.</summary>
    public long TotalRowsChanged => RowsChanged.Values.Sum();

    /// <summary>
    /// True after a correction that moved rows: actual levels link consultations to Annex A events
    /// by child, so the partnership's levels must be derived again (<c>InboxLoader.Derive</c>).
    /// An erasure removes a child whole and changes no other child's levels.
    /// </summary>
    public bool NeedsDerivation => Action == GovernanceLog.Correct && TotalRowsChanged > 0;
}
