namespace Warehouse.Frameworks;

/// <summary>The result of reading a level given as text: the level, or an error a person can act on.</summary>
/// <param name="Level">The level, or null when the text is not a level.</param>
/// <param name="Error">Why the text is not a level, or null on success.</param>
public readonly record struct LevelParseResult(Level? Level, string? Error)
{
    /// <summary>True when the text named a level.</summary>
    public bool IsSuccess => Level is not null;

    /// <summary>The level's number (1–4), or 0 when the text is not a level.</summary>
    public int Number => Level?.Number ?? 0;
}
