namespace Warehouse.Frameworks;

/// <summary>A framework file as written (every field optional here, so that the validator can name what is missing).</summary>
internal sealed record FrameworkFileDto
{
    public int? Format { get; init; }

    public string? Partnership { get; init; }

    public string? PartnershipName { get; init; }

    public string? Version { get; init; }

    public DateOnly? EffectiveFrom { get; init; }

    public DateOnly? EffectiveTo { get; init; }

    public SourceDto? Source { get; init; }

    public string? TextNormalisation { get; init; }

    public QuoteDto? NotAChecklist { get; init; }

    public IReadOnlyList<LevelDto>? Levels { get; init; }

    public DescribeNeedDto? DescribeNeed { get; init; }

    public IReadOnlyList<AmbiguousTermDto>? AmbiguousTerms { get; init; }

    public IReadOnlyList<DomainDto>? Domains { get; init; }

    public IReadOnlyList<IndicatorDto>? Indicators { get; init; }

    public IReadOnlyList<OutcomeDto>? Outcomes { get; init; }

    public IReadOnlyList<OpenCaseFloorDto>? OpenCaseFloors { get; init; }

    public EngineDto? Engine { get; init; }

    public CrosswalkDto? Crosswalk { get; init; }

    public IReadOnlyList<JudgementDto>? Judgements { get; init; }
}
