namespace Warehouse.Frameworks;

internal sealed record IndicatorDto
{
    public string? Code { get; init; }

    public string? Level { get; init; }

    public string? Domain { get; init; }

    public string? Text { get; init; }

    public bool? TopLevelOnItsOwn { get; init; }

    public DecisionDto? Decision { get; init; }

    public string? Notes { get; init; }
}
