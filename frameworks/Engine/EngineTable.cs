namespace Warehouse.Frameworks;

/// <summary>
/// A framework version's indicators and rules flattened into arrays, built once when the framework loads, so
/// that <see cref="LevelEngine"/> runs without allocating or looking anything up by name.
/// </summary>
internal sealed class EngineTable
{
    public EngineTable(Framework framework)
    {
        var domainIndex = new Dictionary<Domain, int>();
        for (var i = 0; i < framework.Domains.Count; i++)
        {
            domainIndex[framework.Domains[i]] = i;
        }

        IndicatorLevel = new byte[framework.Indicators.Count];
        IndicatorDomain = new byte[framework.Indicators.Count];
        IndicatorTop = new bool[framework.Indicators.Count];
        foreach (var indicator in framework.Indicators)
        {
            IndicatorLevel[indicator.Id] = (byte)indicator.Level.Number;
            // The validator keeps domains to at most 64 so that one ulong holds a level's domains.
            IndicatorDomain[indicator.Id] = (byte)domainIndex[indicator.Domain];
            IndicatorTop[indicator.Id] = indicator.TopLevelOnItsOwn;
        }

        TopLevel = framework.TopLevel.Number;
        foreach (var rule in framework.Rules)
        {
            switch (rule.Kind)
            {
                case EngineRuleKind.TopLevelOnItsOwn:
                    Top = rule;
                    break;
                case EngineRuleKind.Accumulation:
                    Accumulation = rule;
                    AccumulationMinIndicators = rule.Parameters[RuleParameters.MinIndicators];
                    AccumulationMinDomains = rule.Parameters[RuleParameters.MinDomains];
                    AccumulationMinLevel = rule.Parameters[RuleParameters.MinLevel];
                    AccumulationMaxResultLevel = rule.Parameters[RuleParameters.MaxResultLevel];
                    break;
                case EngineRuleKind.IsolatedHigher:
                    Isolated = rule;
                    IsolatedMaxIndicators = rule.Parameters[RuleParameters.MaxIndicators];
                    IsolatedMinLevel = rule.Parameters[RuleParameters.MinLevel];
                    break;
                case EngineRuleKind.HighestPresent:
                    Highest = rule;
                    break;
                case EngineRuleKind.None:
                default:
                    break;
            }
        }

        // The validator requires highest_present: it is the rule that always applies.
        Highest ??= new EngineRule("highest_present", EngineRuleKind.HighestPresent, new Dictionary<string, int>(), [], string.Empty);
    }

    public byte[] IndicatorLevel { get; }

    public byte[] IndicatorDomain { get; }

    public bool[] IndicatorTop { get; }

    public int TopLevel { get; }

    public EngineRule? Top { get; }

    public EngineRule? Accumulation { get; }

    public int AccumulationMinIndicators { get; }

    public int AccumulationMinDomains { get; }

    public int AccumulationMinLevel { get; }

    public int AccumulationMaxResultLevel { get; }

    public EngineRule? Isolated { get; }

    public int IsolatedMaxIndicators { get; }

    public int IsolatedMinLevel { get; }

    public EngineRule Highest { get; }

    /// <summary>True when the indicators at <paramref name="level"/> are enough to raise the level by one.</summary>
    public bool Accumulates(int level, int count, int domains) =>
        Accumulation is not null
        && level >= AccumulationMinLevel
        && level < AccumulationMaxResultLevel
        && count >= AccumulationMinIndicators
        && domains >= AccumulationMinDomains;
}
