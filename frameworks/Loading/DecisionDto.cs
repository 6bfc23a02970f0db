namespace Warehouse.Frameworks;

internal sealed record DecisionDto
{
    public string? Kind { get; init; }

    public string? Text { get; init; }

    public string? SplitFrom { get; init; }

    public string? PrintedDomain { get; init; }
}
