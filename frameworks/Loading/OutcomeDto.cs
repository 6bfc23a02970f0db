namespace Warehouse.Frameworks;

internal sealed record OutcomeDto
{
    public string? Code { get; init; }

    public string? Label { get; init; }

    public string? Level { get; init; }

    public bool? VisibleInAnnexA { get; init; }

    public IReadOnlyList<string>? ConfirmedBy { get; init; }

    public bool? RequiresConsent { get; init; }

    public string? Notes { get; init; }
}
