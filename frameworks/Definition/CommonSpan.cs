namespace Warehouse.Frameworks;

/// <summary>A point or an inclusive span on the common four-point scale.</summary>
/// <param name="From">The lowest common point, 1–4.</param>
/// <param name="To">The highest common point, 1–4, at least <paramref name="From"/>.</param>
public readonly record struct CommonSpan(int From, int To)
{
    /// <summary>True when the span is a single point.</summary>
    public bool IsPoint => From == To;
}
