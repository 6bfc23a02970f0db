namespace Warehouse.Frameworks;

internal sealed record OpenCaseFloorDto
{
    public string? List { get; init; }

    public string? Level { get; init; }

    public string? Notes { get; init; }
}
