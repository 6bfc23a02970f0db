namespace Warehouse.Reports.Charts;

/// <summary>A rectangle in chart pixels.</summary>
internal readonly record struct PlotArea(double Left, double Top, double Right, double Bottom)
{
    public double Width => Right - Left;

    public double Height => Bottom - Top;

    public PlotArea Inset(double left, double top, double right, double bottom) =>
        new(Left + left, Top + top, Right - right, Bottom - bottom);
}
