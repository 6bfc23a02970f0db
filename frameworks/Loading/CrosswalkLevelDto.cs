namespace Warehouse.Frameworks;

internal sealed record CrosswalkLevelDto
{
    public string? Level { get; init; }

    public int? From { get; init; }

    public int? To { get; init; }
}
