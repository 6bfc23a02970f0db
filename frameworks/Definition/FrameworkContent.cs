namespace Warehouse.Frameworks;

/// <summary>Everything a validated framework file holds, handed from the reader to <see cref="Framework"/>.</summary>
internal sealed record FrameworkContent(
    string SourceFile,
    string Partnership,
    string PartnershipName,
    string Version,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo,
    SourceDocument Source,
    string TextNormalisation,
    SeedQuote NotAChecklist,
    IReadOnlyList<Level> Levels,
    DescribeNeedList? DescribeNeed,
    IReadOnlyList<AmbiguousTerm> AmbiguousTerms,
    IReadOnlyList<Domain> Domains,
    IReadOnlyList<Indicator> Indicators,
    IReadOnlyList<Outcome> Outcomes,
    IReadOnlyList<OpenCaseFloor> OpenCaseFloors,
    IReadOnlyList<EngineRule> Rules,
    Crosswalk Crosswalk,
    IReadOnlyList<Judgement> Judgements);
