namespace Warehouse.Frameworks;

/// <summary>A framework's levels mapped to the <see cref="CommonScale"/>, each to one point or a span, with caveats.</summary>
public sealed class Crosswalk
{
    private readonly CommonSpan[] byNumber;

    internal Crosswalk(IReadOnlyList<CrosswalkEntry> entries, IReadOnlyList<CrosswalkCaveat> caveats)
    {
        Entries = entries;
        Caveats = caveats;
        byNumber = new CommonSpan[5];
        var oneToOne = true;
        foreach (var entry in entries)
        {
            byNumber[entry.Level.Number] = entry.Span;
            oneToOne &= entry.Span.IsPoint;
        }

        // One-to-one needs distinct points too, not only points: two levels on one point merge them.
        IsOneToOne = oneToOne && entries.Select(e => e.Span.From).Distinct().Count() == entries.Count;
    }

    /// <summary>Every level's mapping, in level order.</summary>
    public IReadOnlyList<CrosswalkEntry> Entries { get; }

    /// <summary>The written limits of the mapping.</summary>
    public IReadOnlyList<CrosswalkCaveat> Caveats { get; }

    /// <summary>
    /// True when each level maps to its own single point: only then may the level mix be shown on the common scale
    /// (METRICS.md, "Across partnerships").
    /// </summary>
    public bool IsOneToOne { get; }

    /// <summary>The common span of a level given by its number (1–4).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The number is not 1–4.</exception>
    public CommonSpan SpanFor(int levelNumber)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(levelNumber, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(levelNumber, 4);
        return byNumber[levelNumber];
    }

    /// <summary>The common span of a level.</summary>
    public CommonSpan SpanFor(Level level)
    {
        ArgumentNullException.ThrowIfNull(level);
        return SpanFor(level.Number);
    }
}
