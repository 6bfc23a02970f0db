namespace Warehouse.Reports.Packs.Charts;

/// <summary>One chart of the month's output: its file name (without extension), what it shows, and the SVG.</summary>
/// <param name="Name">File name without extension, e.g. "agreement-by-locality".</param>
/// <param name="Title">The chart's title (its finding).</param>
/// <param name="Svg">The SVG document.</param>
/// <param name="Locality">The locality a chart is about, for the briefings; null for partnership-wide charts.</param>
internal sealed record PackChartFile(string Name, string Title, string Svg, string? Locality = null);
