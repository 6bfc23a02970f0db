namespace Warehouse.Analytics.Checks.Funnels;

/// <summary>A run's funnel plots and their points, with the flag lookup the measures table uses.</summary>
internal sealed class FunnelSet
{
    private readonly Dictionary<(string Comparison, string Measure, string Grouping, string Unit), string> flags;

    public FunnelSet(IReadOnlyList<FunnelRow> funnels, IReadOnlyList<FunnelPointRow> points)
    {
        Funnels = funnels;
        Points = points;
        flags = points.Where(p => p.Flag is not null)
            .ToDictionary(p => (p.Comparison, p.Measure, p.Grouping, p.Unit), p => p.Flag!);
    }

    public IReadOnlyList<FunnelRow> Funnels { get; }

    public IReadOnlyList<FunnelPointRow> Points { get; }

    /// <summary>The flag of a unit on a funnel of the consistency month, or null when it has none.</summary>
    public string? Flag(string comparison, string measure, string grouping, string unit) =>
        flags.TryGetValue((comparison, measure, grouping, unit), out var flag) ? flag : null;
}
