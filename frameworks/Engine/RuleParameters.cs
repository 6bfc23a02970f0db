namespace Warehouse.Frameworks;

/// <summary>The rule kinds' names in the framework file and the parameters each one requires.</summary>
internal static class RuleParameters
{
    public const string MinIndicators = "min_indicators";
    public const string MinDomains = "min_domains";
    public const string MinLevel = "min_level";
    public const string MaxResultLevel = "max_result_level";
    public const string MaxIndicators = "max_indicators";

    public static readonly IReadOnlyDictionary<string, EngineRuleKind> Kinds = new Dictionary<string, EngineRuleKind>(StringComparer.Ordinal)
    {
        ["top_level_on_its_own"] = EngineRuleKind.TopLevelOnItsOwn,
        ["accumulation"] = EngineRuleKind.Accumulation,
        ["isolated_higher"] = EngineRuleKind.IsolatedHigher,
        ["highest_present"] = EngineRuleKind.HighestPresent,
    };

    public static IReadOnlyList<string> Required(EngineRuleKind kind) => kind switch
    {
        EngineRuleKind.Accumulation => [MinIndicators, MinDomains, MinLevel, MaxResultLevel],
        EngineRuleKind.IsolatedHigher => [MaxIndicators, MinLevel],
        _ => [],
    };
}
