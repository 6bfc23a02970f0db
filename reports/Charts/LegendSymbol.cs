namespace Warehouse.Reports.Charts;

/// <summary>How a legend entry is drawn, matching the mark it explains.</summary>
internal enum LegendSymbol
{
    Square,
    Line,
    DashedLine,
    Whisker,
    Circle,
    Diamond,
    TriangleUp,
    TriangleDown,
}
