using System.Globalization;

namespace Warehouse.Frameworks;

internal sealed partial class FrameworkReader
{
    private List<EngineRule> ReadRules(EngineDto? dto)
    {
        var rules = new List<EngineRule>();
        if (dto?.Rules is null || dto.Rules.Count == 0)
        {
            Add("engine", "engine.rules is missing: the level engine's rules live in the framework file");
            return rules;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < dto.Rules.Count; i++)
        {
            var rule = dto.Rules[i];
            var entry = Entry("engine rule", rule.Id, i);
            var id = Required(rule.Id, entry, "id");
            if (id.Length > 0 && (!ids.Add(id) || id == LevelEngine.NoIndicatorsRuleId))
            {
                Add(entry, $"duplicate or reserved id '{id}'");
            }

            if (rule.Kind is null || !RuleParameters.Kinds.TryGetValue(rule.Kind, out var kind))
            {
                Add(entry, $"kind '{rule.Kind}' is not one of: {string.Join(", ", RuleParameters.Kinds.Keys)}");
                continue;
            }

            if (rules.Any(r => r.Kind == kind))
            {
                Add(entry, $"a second '{rule.Kind}' rule: each kind appears once");
            }

            var parameters = rule.Parameters ?? new Dictionary<string, int>();
            var required = RuleParameters.Required(kind);
            foreach (var name in required.Where(n => !parameters.ContainsKey(n)))
            {
                Add(entry, $"parameter {name} is missing");
            }

            foreach (var name in parameters.Keys.Where(n => !required.Contains(n)))
            {
                Add(entry, $"parameter {name} is not a parameter of '{rule.Kind}' ({(required.Count == 0 ? "it takes none" : string.Join(", ", required))})");
            }

            CheckRanges(entry, kind, parameters);
            var quotes = (rule.RestsOn ?? []).Select(q => new SeedQuote(Required(q.Quote, entry, "rests_on quote"), q.Where)).ToList();
            if (quotes.Count == 0)
            {
                Add(entry, "rests_on is missing: quote the document's sentences the rule rests on");
            }

            rules.Add(new EngineRule(id, kind, new Dictionary<string, int>(parameters, StringComparer.Ordinal), quotes, Required(rule.Judgement, entry, "judgement")));
        }

        if (!rules.Any(r => r.Kind == EngineRuleKind.HighestPresent))
        {
            Add("engine", "a highest_present rule is required: it decides whenever no other rule does");
        }

        var accumulation = rules.FirstOrDefault(r => r.Kind == EngineRuleKind.Accumulation);
        var isolated = rules.FirstOrDefault(r => r.Kind == EngineRuleKind.IsolatedHigher);
        if (accumulation is not null && isolated is not null
            && accumulation.Parameters.GetValueOrDefault(RuleParameters.MinIndicators) <= isolated.Parameters.GetValueOrDefault(RuleParameters.MaxIndicators))
        {
            Add($"engine rule {accumulation.Id}", $"min_indicators must be more than {isolated.Id}'s max_indicators, or one set of indicators would both accumulate and be isolated");
        }

        return rules;
    }

    private void CheckRanges(string entry, EngineRuleKind kind, IReadOnlyDictionary<string, int> parameters)
    {
        void Range(string name, int min, int max)
        {
            if (parameters.TryGetValue(name, out var value) && (value < min || value > max))
            {
                Add(entry, string.Create(CultureInfo.InvariantCulture, $"parameter {name} = {value} is outside {min}-{max}"));
            }
        }

        switch (kind)
        {
            case EngineRuleKind.Accumulation:
                Range(RuleParameters.MinIndicators, 2, 1000);
                Range(RuleParameters.MinDomains, 1, FrameworkReader.MaxDomains);
                Range(RuleParameters.MinLevel, 1, 3);
                Range(RuleParameters.MaxResultLevel, 2, 4);
                if (parameters.TryGetValue(RuleParameters.MinLevel, out var min) && parameters.TryGetValue(RuleParameters.MaxResultLevel, out var max) && max <= min)
                {
                    Add(entry, "max_result_level must be above min_level, or the rule can never raise a level");
                }

                break;
            case EngineRuleKind.IsolatedHigher:
                Range(RuleParameters.MaxIndicators, 1, 1000);
                Range(RuleParameters.MinLevel, 2, 4);
                break;
            case EngineRuleKind.None:
            case EngineRuleKind.TopLevelOnItsOwn:
            case EngineRuleKind.HighestPresent:
            default:
                break;
        }
    }
}
