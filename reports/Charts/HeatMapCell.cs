namespace Warehouse.Reports.Charts;

/// <summary>One heat-map cell: the value that sets its shade (null for no shade) and the text printed in it (the count, or <c>[c]</c>).</summary>
internal sealed record HeatMapCell(double? Value, string Text);
