namespace Warehouse.Reports.Charts;

/// <summary>Point shapes: flags differ by shape as well as colour, never colour alone.</summary>
internal enum MarkerShape
{
    Circle,
    Diamond,
    TriangleUp,
    TriangleDown,
}
