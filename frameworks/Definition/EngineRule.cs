namespace Warehouse.Frameworks;

/// <summary>A level-engine rule as the framework file states it.</summary>
/// <param name="Id">The rule's id in the file, reported with every result it decides.</param>
/// <param name="Kind">What the rule does.</param>
/// <param name="Parameters">Its parameters (level numbers and counts).</param>
/// <param name="RestsOn">The document's sentences the rule rests on, quoted.</param>
/// <param name="Judgement">The judgement behind the parameters, for review.</param>
public sealed record EngineRule(
    string Id,
    EngineRuleKind Kind,
    IReadOnlyDictionary<string, int> Parameters,
    IReadOnlyList<SeedQuote> RestsOn,
    string Judgement);
