namespace Warehouse.Frameworks;

internal sealed record RuleDto
{
    public string? Id { get; init; }

    public string? Kind { get; init; }

    public IReadOnlyDictionary<string, int>? Parameters { get; init; }

    public IReadOnlyList<QuoteDto>? RestsOn { get; init; }

    public string? Judgement { get; init; }
}
