namespace Warehouse.Etl.Governance;

/// <summary>One entry of the governance log (<c>ops.governance_log</c>).</summary>
/// <param name="EntryId">1, 2, 3… in the order entries were written.</param>
/// <param name="At">When the action ran (the product's clock).</param>
/// <param name="Who">The operating-system user that ran it.</param>
/// <param name="Action">One of the <see cref="GovernanceLog"/> action codes.</param>
/// <param name="Partnership">The partnership, or null when the action covered every partnership.</param>
/// <param name="Pseudonym">The child's keyed pseudonym (subject actions only), never a raw identifier.</param>
/// <param name="OtherPseudonym">For a correction: the pseudonym the records moved to.</param>
/// <param name="KeyGeneration">How many keys the chain had when the pseudonyms were computed.</param>
/// <param name="Details">Counts and settings; never an identifier.</param>
public sealed record GovernanceLogEntry(
    long EntryId,
    DateTimeOffset At,
    string Who,
    string Action,
    string? Partnership,
    string? Pseudonym,
    string? OtherPseudonym,
    int? KeyGeneration,
    string Details);
