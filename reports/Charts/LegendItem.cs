namespace Warehouse.Reports.Charts;

/// <summary>One legend entry.</summary>
internal readonly record struct LegendItem(string Label, string Colour, LegendSymbol Symbol);
