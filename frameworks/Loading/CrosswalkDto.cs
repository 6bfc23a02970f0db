namespace Warehouse.Frameworks;

internal sealed record CrosswalkDto
{
    public IReadOnlyList<CrosswalkLevelDto>? Levels { get; init; }

    public IReadOnlyList<CaveatDto>? Caveats { get; init; }
}
