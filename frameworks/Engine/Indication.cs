namespace Warehouse.Frameworks;

/// <summary>An indicated level with everything a person needs to look at it: the rule as the file states it and the indicators behind it.</summary>
/// <param name="Level">The indicated level, or null when no indicators were given.</param>
/// <param name="Certainty">Clear or borderline.</param>
/// <param name="AlternativeLevel">For a borderline case, the neighbouring level the document's words also allow.</param>
/// <param name="RuleId">The deciding rule's id (<c>no_indicators</c> when none).</param>
/// <param name="Rule">The deciding rule as the framework file states it, or null when none.</param>
/// <param name="Behind">The indicators the result rests on, in the order given.</param>
/// <param name="Reason">A sentence saying why, with the counts.</param>
public sealed record Indication(
    Level? Level,
    IndicationCertainty Certainty,
    Level? AlternativeLevel,
    string RuleId,
    EngineRule? Rule,
    IReadOnlyList<Indicator> Behind,
    string Reason);
