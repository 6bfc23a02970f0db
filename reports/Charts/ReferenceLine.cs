namespace Warehouse.Reports.Charts;

/// <summary>A reference value drawn across the plot (the partnership rate, a target), explained in the legend.</summary>
internal sealed record ReferenceLine(double Value, string Label);
