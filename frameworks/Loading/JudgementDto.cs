namespace Warehouse.Frameworks;

internal sealed record JudgementDto
{
    public string? Subject { get; init; }

    public string? Decision { get; init; }

    public string? Reason { get; init; }
}
