namespace Warehouse.Etl.Governance;

/// <summary>Everything the warehouse holds about one child, found through the child's keyed pseudonym.</summary>
/// <param name="Pseudonym">The child's pseudonym under the current key chain (safe to show; never the raw id).</param>
/// <param name="Partnership">The partnership searched, or null for every partnership.</param>
/// <param name="ErasedIn">Partnerships whose erasure list holds the pseudonym.</param>
/// <param name="Consultations">The consultations, oldest first.</param>
/// <param name="Events">The Annex A events, oldest first.</param>
/// <param name="RowCounts">Rows per table about the child (facts, indicators, analytics results, audit judgements…).</param>
/// <param name="History">Earlier governance log entries about the child, under this and earlier keys of the chain.</param>
public sealed record SubjectRecords(
    string Pseudonym,
    string? Partnership,
    IReadOnlyList<string> ErasedIn,
    IReadOnlyList<SubjectConsultation> Consultations,
    IReadOnlyList<SubjectEvent> Events,
    IReadOnlyDictionary<string, long> RowCounts,
    IReadOnlyList<GovernanceLogEntry> History)
{
    /// <summary>True when the warehouse holds no row about the child.</summary>
    public bool IsEmpty => RowCounts.Values.All(n => n == 0);
}
