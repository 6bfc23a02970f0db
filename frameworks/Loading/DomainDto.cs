namespace Warehouse.Frameworks;

internal sealed record DomainDto
{
    public string? Code { get; init; }

    public string? Name { get; init; }

    public string? Parent { get; init; }
}
