namespace Warehouse.Reports.Charts;

/// <summary>Chart size in CSS pixels (96 per inch); PNGs render at a multiple of it.</summary>
internal readonly record struct ChartSize(double Width, double Height)
{
    public static ChartSize Default { get; } = new(960, 600);
}
