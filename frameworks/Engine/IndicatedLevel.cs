namespace Warehouse.Frameworks;

/// <summary>
/// What a consultation's indicators suggest under the framework's rules: the "indicated" level view (METRICS.md).
/// A value type that refers only to strings the framework already holds, so producing one allocates nothing.
/// </summary>
/// <param name="Level">The indicated level number (1–4), or null when no indicators were given.</param>
/// <param name="Rule">The kind of rule that decided it.</param>
/// <param name="RuleId">The deciding rule's id in the framework file (<c>no_indicators</c> when none).</param>
/// <param name="Certainty">Clear or borderline (none when no level).</param>
/// <param name="AlternativeLevel">For a borderline case, the neighbouring level the document's words also allow; otherwise null.</param>
/// <param name="BehindCount">How many of the given indicators the result rests on.</param>
/// <param name="Reason">A short reason, for display.</param>
public readonly record struct IndicatedLevel(
    int? Level,
    EngineRuleKind Rule,
    string RuleId,
    IndicationCertainty Certainty,
    int? AlternativeLevel,
    int BehindCount,
    string Reason)
{
    /// <summary>True when a level is indicated.</summary>
    public bool HasLevel => Level is not null;

    /// <summary>True when the case is borderline.</summary>
    public bool IsBorderline => Certainty == IndicationCertainty.Borderline;
}
