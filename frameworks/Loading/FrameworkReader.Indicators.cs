using System.Globalization;

namespace Warehouse.Frameworks;

internal sealed partial class FrameworkReader
{
    /// <summary>The most domains one framework may have: the engine keeps a level's domains in one 64-bit mask.</summary>
    public const int MaxDomains = 64;

    private Dictionary<string, Domain> ReadDomains(IReadOnlyList<DomainDto>? dtos)
    {
        var domains = new Dictionary<string, Domain>(StringComparer.Ordinal);
        if (dtos is null || dtos.Count == 0)
        {
            Add("domains", "domains is missing: every indicator belongs to a domain");
            return domains;
        }

        if (dtos.Count > MaxDomains)
        {
            Add("domains", string.Create(CultureInfo.InvariantCulture, $"{dtos.Count} domains: at most {MaxDomains} are supported"));
        }

        var byCode = new Dictionary<string, DomainDto>(StringComparer.Ordinal);
        for (var i = 0; i < dtos.Count; i++)
        {
            var entry = Entry("domain", dtos[i].Code, i);
            var code = Required(dtos[i].Code, entry, "code");
            Required(dtos[i].Name, entry, "name");
            if (code.Length > 0 && !byCode.TryAdd(code, dtos[i]))
            {
                Add(entry, $"duplicate code '{code}'");
            }
        }

        // Parents first, so that a sub-domain can name an area defined after it in the file.
        foreach (var (code, dto) in byCode.Where(d => d.Value.Parent is null))
        {
            domains[code] = new Domain(code, dto.Name ?? string.Empty, null);
        }

        foreach (var (code, dto) in byCode.Where(d => d.Value.Parent is not null))
        {
            var entry = $"domain {code}";
            if (!byCode.TryGetValue(dto.Parent!, out var parent))
            {
                Add(entry, $"parent '{dto.Parent}' is not a domain of this framework");
            }
            else if (parent.Parent is not null)
            {
                Add(entry, $"parent '{dto.Parent}' is itself a sub-domain: domains nest one deep (areas and their sub-domains)");
            }
            else
            {
                domains[code] = new Domain(code, dto.Name ?? string.Empty, domains[dto.Parent!]);
            }
        }

        // Keep the file's order.
        return byCode.Keys.Where(domains.ContainsKey).ToDictionary(code => code, code => domains[code], StringComparer.Ordinal);
    }

    private List<Indicator> ReadIndicators(IReadOnlyList<IndicatorDto>? dtos, Dictionary<string, Domain> domains)
    {
        var indicators = new List<Indicator>();
        if (dtos is null || dtos.Count == 0)
        {
            Add("indicators", "indicators is missing: a framework lists every indicator of its document");
            return indicators;
        }

        var parents = domains.Values.Select(d => d.Parent).OfType<Domain>().ToHashSet();
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < dtos.Count; i++)
        {
            var dto = dtos[i];
            var entry = Entry("indicator", dto.Code, i);
            var code = Required(dto.Code, entry, "code");
            if (code.Length > 0 && !codes.Add(code))
            {
                Add(entry, $"duplicate code '{code}'");
            }

            if (code.Contains(';', StringComparison.Ordinal) || code.Trim() != code)
            {
                Add(entry, "code must not contain ';' or surrounding spaces (consultations list codes separated by ';')");
            }

            var text = Required(dto.Text, entry, "text");
            var level = LevelRef(dto.Level, entry, "level");
            Domain? domain = null;
            if (string.IsNullOrWhiteSpace(dto.Domain))
            {
                Add(entry, "domain is missing");
            }
            else if (!domains.TryGetValue(dto.Domain, out domain))
            {
                Add(entry, $"domain '{dto.Domain}' is not a domain of this framework");
            }
            else if (parents.Contains(domain))
            {
                Add(entry, $"domain '{dto.Domain}' is an area with sub-domains: give the sub-domain");
            }

            var decision = ReadDecision(dto.Decision, entry, domains);
            if (level is not null && domain is not null)
            {
                indicators.Add(new Indicator(indicators.Count, code, level, domain, text, dto.TopLevelOnItsOwn ?? false, decision, dto.Notes));
            }
        }

        return indicators;
    }

    private IndicatorDecision? ReadDecision(DecisionDto? dto, string entry, Dictionary<string, Domain> domains)
    {
        if (dto is null)
        {
            return null;
        }

        var kind = dto.Kind switch
        {
            "split" => IndicatorDecisionKind.Split,
            "domain_by_meaning" => IndicatorDecisionKind.DomainByMeaning,
            _ => IndicatorDecisionKind.None,
        };
        if (kind == IndicatorDecisionKind.None)
        {
            Add(entry, $"decision kind '{dto.Kind}' is not one of: split, domain_by_meaning");
        }

        var text = Required(dto.Text, entry, "decision text");
        if (kind == IndicatorDecisionKind.Split && string.IsNullOrWhiteSpace(dto.SplitFrom))
        {
            Add(entry, "a split decision needs split_from: the run-together text as extracted");
        }

        if (dto.PrintedDomain is not null && !domains.ContainsKey(dto.PrintedDomain))
        {
            Add(entry, $"printed_domain '{dto.PrintedDomain}' is not a domain of this framework");
        }

        return new IndicatorDecision(kind, text, dto.SplitFrom, dto.PrintedDomain);
    }
}
