namespace Warehouse.Frameworks;

internal sealed record EngineDto
{
    public IReadOnlyList<RuleDto>? Rules { get; init; }
}
