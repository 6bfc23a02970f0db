using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Warehouse.Frameworks;

/// <summary>
/// One version of a partnership's threshold framework, as loaded and validated from its framework file: levels,
/// domains, indicators, front-door outcomes, open-case floors, level-engine rules and the crosswalk to the common
/// scale. Immutable and safe to share between threads.
/// </summary>
public sealed partial class Framework
{
    private readonly FrozenDictionary<string, Indicator> indicatorsByCode;
    private readonly FrozenDictionary<string, Indicator>.AlternateLookup<ReadOnlySpan<char>> indicatorsBySpan;
    private readonly FrozenDictionary<string, Outcome> outcomesByCode;
    private readonly FrozenDictionary<string, Domain> domainsByCode;
    private readonly Level?[] floors;

    internal Framework(FrameworkContent content)
    {
        SourceFile = content.SourceFile;
        Partnership = content.Partnership;
        PartnershipName = content.PartnershipName;
        Version = content.Version;
        EffectiveFrom = content.EffectiveFrom;
        EffectiveTo = content.EffectiveTo;
        Source = content.Source;
        TextNormalisation = content.TextNormalisation;
        NotAChecklist = content.NotAChecklist;
        Levels = content.Levels;
        DescribeNeed = content.DescribeNeed;
        AmbiguousTerms = content.AmbiguousTerms;
        Domains = content.Domains;
        Indicators = content.Indicators;
        Outcomes = content.Outcomes;
        OpenCaseFloors = content.OpenCaseFloors;
        Rules = content.Rules;
        Crosswalk = content.Crosswalk;
        Judgements = content.Judgements;

        indicatorsByCode = Indicators.ToFrozenDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase);
        indicatorsBySpan = indicatorsByCode.GetAlternateLookup<ReadOnlySpan<char>>();
        outcomesByCode = Outcomes.ToFrozenDictionary(o => o.Code, StringComparer.OrdinalIgnoreCase);
        domainsByCode = Domains.ToFrozenDictionary(d => d.Code, StringComparer.OrdinalIgnoreCase);
        floors = new Level?[Enum.GetValues<OpenCaseList>().Length];
        foreach (var floor in OpenCaseFloors)
        {
            floors[(int)floor.List] = floor.Level;
        }

        levelNames = BuildLevelNames();
        Engine = new EngineTable(this);
    }

    /// <summary>Where the framework was loaded from: a file path, or <c>embedded:</c> and the shipped file's path.</summary>
    public string SourceFile { get; }

    /// <summary>The partnership's code, e.g. <c>warwickshire</c>: the inbox folder name.</summary>
    public string Partnership { get; }

    /// <summary>The partnership's name.</summary>
    public string PartnershipName { get; }

    /// <summary>The version, e.g. <c>2024-01</c>, unique within the partnership.</summary>
    public string Version { get; }

    /// <summary>The first day this version is in force.</summary>
    public DateOnly EffectiveFrom { get; }

    /// <summary>
    /// The last day this version is in force, or null: then it is in force until the day before the partnership's
    /// next version takes effect, or indefinitely.
    /// </summary>
    public DateOnly? EffectiveTo { get; }

    /// <summary>The document the version encodes.</summary>
    public SourceDocument Source { get; }

    /// <summary>How indicator text and quotes were normalised from the document (and nothing else was changed).</summary>
    public string TextNormalisation { get; }

    /// <summary>The document's own warning that it is not a checklist: every indicated level is a prompt for reflection, not a verdict.</summary>
    public SeedQuote NotAChecklist { get; }

    /// <summary>The four levels, lowest first (index = number − 1).</summary>
    public IReadOnlyList<Level> Levels { get; }

    /// <summary>The top level (number 4).</summary>
    public Level TopLevel => Levels[^1];

    /// <summary>The "language we may use to describe need" list, or null when the document has none.</summary>
    public DescribeNeedList? DescribeNeed { get; }

    /// <summary>Terms the document uses for more than one level.</summary>
    public IReadOnlyList<AmbiguousTerm> AmbiguousTerms { get; }

    /// <summary>The domains (areas and sub-domains), in file order.</summary>
    public IReadOnlyList<Domain> Domains { get; }

    /// <summary>Every indicator, in file order; <see cref="Indicator.Id"/> is the index in this list.</summary>
    public IReadOnlyList<Indicator> Indicators { get; }

    /// <summary>The front door's outcome codes.</summary>
    public IReadOnlyList<Outcome> Outcomes { get; }

    /// <summary>The minimum level for a child already open on an Annex A list.</summary>
    public IReadOnlyList<OpenCaseFloor> OpenCaseFloors { get; }

    /// <summary>The level-engine rules with their parameters and the sentences they rest on.</summary>
    public IReadOnlyList<EngineRule> Rules { get; }

    /// <summary>The mapping of the levels to the common four-point scale.</summary>
    public Crosswalk Crosswalk { get; }

    /// <summary>The judgements recorded when the document was encoded.</summary>
    public IReadOnlyList<Judgement> Judgements { get; }

    /// <summary>The precomputed tables the level engine runs on.</summary>
    internal EngineTable Engine { get; }

    /// <summary>True when this version is in force on the date by its own dates (ignoring any later version).</summary>
    public bool IsInForceOn(DateOnly date) => date >= EffectiveFrom && (EffectiveTo is null || date <= EffectiveTo);

    /// <summary>The level with the given number.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The number is not 1–4.</exception>
    public Level LevelNumbered(int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, Levels.Count);
        return Levels[number - 1];
    }

    /// <summary>Looks up an indicator by its code (case-insensitive).</summary>
    public bool TryGetIndicator(string code, [NotNullWhen(true)] out Indicator? indicator)
    {
        ArgumentNullException.ThrowIfNull(code);
        return indicatorsByCode.TryGetValue(code.Trim(), out indicator);
    }

    /// <summary>Looks up an indicator by its code (case-insensitive, trimmed) without making a string of it.</summary>
    public bool TryGetIndicator(ReadOnlySpan<char> code, [NotNullWhen(true)] out Indicator? indicator) =>
        indicatorsBySpan.TryGetValue(code.Trim(), out indicator);

    /// <summary>Looks up an outcome by its code (case-insensitive).</summary>
    public bool TryGetOutcome(string code, [NotNullWhen(true)] out Outcome? outcome)
    {
        ArgumentNullException.ThrowIfNull(code);
        return outcomesByCode.TryGetValue(code.Trim(), out outcome);
    }

    /// <summary>Looks up a domain by its code (case-insensitive).</summary>
    public bool TryGetDomain(string code, [NotNullWhen(true)] out Domain? domain)
    {
        ArgumentNullException.ThrowIfNull(code);
        return domainsByCode.TryGetValue(code.Trim(), out domain);
    }

    /// <summary>The minimum level for a child open on the given list at the consultation date, or null when the framework sets none.</summary>
    public Level? OpenCaseFloorFor(OpenCaseList list) =>
        (int)list > 0 && (int)list < floors.Length ? floors[(int)list] : null;

    /// <summary>
    /// Reads a <c>;</c>-separated list of indicator codes (the consultation's <c>indicators</c> field): codes are
    /// trimmed and matched case-insensitively, blanks between separators ignored, repeats kept once.
    /// </summary>
    public IndicatorListParseResult ParseIndicatorList(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new IndicatorListParseResult([], []);
        }

        var found = new List<Indicator>();
        var unknown = new List<string>();
        foreach (var part in text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (indicatorsByCode.TryGetValue(part, out var indicator))
            {
                if (!found.Contains(indicator))
                {
                    found.Add(indicator);
                }
            }
            else if (!unknown.Contains(part, StringComparer.OrdinalIgnoreCase))
            {
                unknown.Add(part);
            }
        }

        return new IndicatorListParseResult(found, unknown);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Partnership} {Version} (from {EffectiveFrom:yyyy-MM-dd})";
}
