namespace Warehouse.Frameworks;

internal sealed record CaveatDto
{
    public string? Text { get; init; }

    public string? Quote { get; init; }

    public string? Where { get; init; }
}
