namespace Warehouse.Frameworks;

/// <summary>A phrase from a "Language we may use to describe need" list, with the level it is grouped under.</summary>
/// <param name="Text">The phrase as printed.</param>
/// <param name="Level">The level it is grouped under: a documented judgement, for display and search only.</param>
public sealed record DescribeNeedPhrase(string Text, Level Level);
