namespace Warehouse.Frameworks;

internal sealed record QuoteDto
{
    public string? Quote { get; init; }

    public string? Where { get; init; }
}
