using System.Globalization;

namespace Warehouse.Reports.Charts;

/// <summary>How chart values and axis ticks are written: invariant culture, fixed decimals.</summary>
/// <param name="IsPercent">Values are proportions shown as percentages (0.684 as 68.4%).</param>
/// <param name="Decimals">Decimal places of data labels.</param>
internal sealed record ValueFormat(bool IsPercent, int Decimals)
{
    /// <summary>Proportions as percentages to one decimal place, as every pack publishes them.</summary>
    public static ValueFormat Percent1 { get; } = new(true, 1);

    public static ValueFormat Integer { get; } = new(false, 0);

    public static ValueFormat Decimal1 { get; } = new(false, 1);

    public static ValueFormat Decimal3 { get; } = new(false, 3);

    public string Format(double value) => Format(value, Decimals);

    /// <summary>An axis tick: as few decimals as the tick step needs.</summary>
    public string FormatTick(double value, double step)
    {
        var shown = IsPercent ? step * 100 : step;
        var decimals = 0;
        while (decimals < 6 && Math.Abs(Math.Round(shown, decimals) - shown) > 1e-9 * Math.Max(1, Math.Abs(shown)))
        {
            decimals++;
        }

        return Format(value, decimals);
    }

    private string Format(double value, int decimals)
    {
        var shown = IsPercent ? value * 100 : value;
        var rounded = Math.Round(shown, decimals, MidpointRounding.AwayFromZero);
        if (rounded == 0)
        {
            rounded = 0; // never "-0.0"
        }

        var text = rounded.ToString("#,##0" + (decimals > 0 ? "." + new string('0', decimals) : string.Empty), CultureInfo.InvariantCulture);
        return IsPercent ? text + "%" : text;
    }
}
