namespace Warehouse.Frameworks;

internal sealed record PhraseDto
{
    public string? Text { get; init; }

    public string? Level { get; init; }
}
