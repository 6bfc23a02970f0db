namespace Warehouse.Frameworks;

internal sealed record LevelDto
{
    public string? Code { get; init; }

    public int? Number { get; init; }

    public IReadOnlyList<string>? Names { get; init; }

    public string? Description { get; init; }
}
