namespace Warehouse.Reports.Charts;

/// <summary>One line: a value per category, null where suppressed or unavailable (drawn as a gap).</summary>
internal sealed record LineSeries(string Name, IReadOnlyList<double?> Values);
