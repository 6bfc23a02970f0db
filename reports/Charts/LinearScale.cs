namespace Warehouse.Reports.Charts;

/// <summary>A linear map from data values to pixels, with "nice" round ticks.</summary>
internal sealed record LinearScale(double DomainMin, double DomainMax, double RangeMin, double RangeMax)
{
    /// <summary>The tick values, from the domain minimum to its maximum.</summary>
    public IReadOnlyList<double> Ticks { get; init; } = [];

    /// <summary>The distance between ticks.</summary>
    public double TickStep { get; init; }

    public double Map(double value) =>
        DomainMax == DomainMin ? RangeMin : RangeMin + ((value - DomainMin) / (DomainMax - DomainMin) * (RangeMax - RangeMin));

    /// <summary>
    /// A scale whose domain covers [min, max] extended to round ticks (1, 2, 2.5 or 5 times a power of
    /// ten), with about <paramref name="tickCount"/> ticks (Heckbert's nice numbers).
    /// </summary>
    public static LinearScale Nice(double min, double max, double rangeMin, double rangeMax, int tickCount = 5)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max))
        {
            throw new ArgumentException("Scale bounds must be finite.");
        }

        if (max < min)
        {
            (min, max) = (max, min);
        }

        if (max == min)
        {
            var pad = min == 0 ? 1 : Math.Abs(min) * 0.1;
            min -= pad;
            max += pad;
        }

        var step = NiceNumber((max - min) / Math.Max(1, tickCount - 1));
        var niceMin = Math.Floor((min / step) + 1e-9) * step;
        var niceMax = Math.Ceiling((max / step) - 1e-9) * step;
        var decimals = Math.Max(0, -(int)Math.Floor(Math.Log10(step)) + 2);
        var ticks = new List<double>();
        for (var i = 0; ; i++)
        {
            var tick = Math.Round(niceMin + (i * step), decimals);
            if (tick > niceMax + (step * 1e-6))
            {
                break;
            }

            ticks.Add(tick == 0 ? 0 : tick);
        }

        return new LinearScale(Math.Round(niceMin, decimals), Math.Round(niceMax, decimals), rangeMin, rangeMax) { Ticks = ticks, TickStep = step };
    }

    private static double NiceNumber(double value)
    {
        var exponent = Math.Floor(Math.Log10(value));
        var fraction = value / Math.Pow(10, exponent);
        double nice = fraction switch
        {
            < 1.5 => 1,
            < 2.25 => 2,
            < 3 => 2.5,
            < 7 => 5,
            _ => 10,
        };
        return nice * Math.Pow(10, exponent);
    }
}
