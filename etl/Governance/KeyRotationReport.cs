using Warehouse.Etl.Pseudonymisation;

namespace Warehouse.Etl.Governance;

/// <summary>What a key rotation did.</summary>
/// <param name="Generation">The number of keys in the chain now (2 after the first rotation).</param>
/// <param name="RowsRekeyed">Pseudonyms re-keyed per table (every column named child_key).</param>
/// <param name="Keys">The new chain, as the key file now holds it: use it for every later load.</param>
public sealed record KeyRotationReport(int Generation, IReadOnlyDictionary<string, long> RowsRekeyed, PseudonymKeyChain Keys);
