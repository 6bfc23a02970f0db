namespace Warehouse.Frameworks;

/// <summary>One of a framework's four ordered levels of need.</summary>
/// <param name="Code">The level's code, e.g. <c>early_support</c> or <c>level_2</c> (CONTRACT.md section 5).</param>
/// <param name="Number">Its place on the framework's own scale, 1 (lowest) to 4 (top).</param>
/// <param name="Names">Every name the source document uses for the level, as printed.</param>
/// <param name="Description">A sentence from the document that describes the level.</param>
public sealed record Level(string Code, int Number, IReadOnlyList<string> Names, string Description)
{
    /// <summary>The first name the document uses, for display.</summary>
    public string DisplayName => Names.Count > 0 ? Names[0] : Code;
}
