namespace Warehouse.Reports.Charts;

/// <summary>One part of every stacked bar (a level), with a value per category; null where suppressed.</summary>
internal sealed record StackSegment(string Name, IReadOnlyList<double?> Values);
