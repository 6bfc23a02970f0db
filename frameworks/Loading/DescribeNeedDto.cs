namespace Warehouse.Frameworks;

internal sealed record DescribeNeedDto
{
    public string? Note { get; init; }

    public string? Where { get; init; }

    public IReadOnlyList<PhraseDto>? Phrases { get; init; }
}
