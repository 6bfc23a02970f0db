namespace Warehouse.Reports.Charts;

/// <summary>The Analysis Function's accessible chart colours, and the few neutrals the charts use.</summary>
internal static class Palette
{
    /// <summary>Categorical colours, in the order the guidance gives (dark blue, turquoise, dark pink, orange, dark grey, light purple).</summary>
    public static IReadOnlyList<string> Categorical { get; } = ["#12436D", "#28A197", "#801650", "#F46A25", "#3D3D3D", "#A285D1"];

    /// <summary>Sequential colours, darkest first.</summary>
    public static IReadOnlyList<string> Sequential { get; } = ["#12436D", "#2073BC", "#6BACE6"];

    public const string Text = "#0B0C0C";

    public const string SecondaryText = "#3D3D3D";

    public const string Gridline = "#D9D9D9";

    public const string Axis = "#3D3D3D";

    public const string Background = "#FFFFFF";

    /// <summary>Black or white, whichever reads better on <paramref name="fill"/> (WCAG relative luminance).</summary>
    public static string TextOn(string fill)
    {
        var r = Channel(fill, 1);
        var g = Channel(fill, 3);
        var b = Channel(fill, 5);
        var luminance = (0.2126 * r) + (0.7152 * g) + (0.0722 * b);
        // Contrast with white is 1.05 / (L + 0.05); with near-black about (L + 0.05) / 0.055.
        return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.0557 ? "#FFFFFF" : Text;
    }

    private static double Channel(string hex, int start)
    {
        var value = Convert.ToInt32(hex.Substring(start, 2), 16) / 255.0;
        return value <= 0.03928 ? value / 12.92 : Math.Pow((value + 0.055) / 1.055, 2.4);
    }
}
