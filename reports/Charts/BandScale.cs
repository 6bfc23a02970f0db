namespace Warehouse.Reports.Charts;

/// <summary>Evenly spaced bands for categories (bars, months), with padding between and around them.</summary>
internal sealed record BandScale(int Count, double RangeMin, double RangeMax, double PaddingInner = 0.25, double PaddingOuter = 0.15)
{
    /// <summary>Distance from the start of one band to the start of the next.</summary>
    public double Step => (RangeMax - RangeMin) / Math.Max(1, Count - PaddingInner + (2 * PaddingOuter));

    public double Bandwidth => Step * (1 - PaddingInner);

    public double Start(int index) => RangeMin + (Step * PaddingOuter) + (Step * index);

    public double Center(int index) => Start(index) + (Bandwidth / 2);
}
