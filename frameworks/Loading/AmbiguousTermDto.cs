namespace Warehouse.Frameworks;

internal sealed record AmbiguousTermDto
{
    public string? Text { get; init; }

    public IReadOnlyList<string>? Levels { get; init; }

    public string? Quote { get; init; }

    public string? Where { get; init; }
}
