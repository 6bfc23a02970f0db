namespace Warehouse.Reports.Charts;

/// <summary>Font sizes in pixels; nothing is smaller than 16px (12pt), as the accessibility guidance asks.</summary>
internal static class ChartFonts
{
    public const double Title = 24;
    public const double Subtitle = 18;
    public const double Body = 16;
    public const double LineHeight = 1.3;
}
