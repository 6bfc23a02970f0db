namespace Warehouse.Frameworks;

internal sealed record SourceDto
{
    public string? Title { get; init; }

    public string? Publisher { get; init; }

    public string? PrintedDate { get; init; }

    public string? SeedFile { get; init; }

    public string? DateNote { get; init; }
}
