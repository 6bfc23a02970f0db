namespace Warehouse.Reports.Charts;

/// <summary>Axes, ticks and gridlines drawn from scales.</summary>
internal static class Axes
{
    private const double TickGap = 8;

    /// <summary>Width the value labels of a vertical axis need.</summary>
    public static double ValueLabelWidth(LinearScale scale, ValueFormat format) =>
        scale.Ticks.Count == 0 ? 0 : scale.Ticks.Max(t => TextMetrics.Width(format.FormatTick(t, scale.TickStep), ChartFonts.Body)) + TickGap;

    /// <summary>Width the longest category label needs.</summary>
    public static double CategoryLabelWidth(IEnumerable<string> labels) =>
        labels.Select(l => TextMetrics.Width(l, ChartFonts.Body)).DefaultIfEmpty(0).Max() + TickGap + 4;

    /// <summary>A vertical value axis on the left: gridlines across the plot, tick labels, and the axis title above it, horizontal so it reads easily.</summary>
    public static void ValueAxisLeft(SvgWriter svg, LinearScale scale, PlotArea plot, ValueFormat format, string? title)
    {
        svg.StartGroup("y-axis");
        foreach (var tick in scale.Ticks)
        {
            var y = scale.Map(tick);
            svg.Line(plot.Left, y, plot.Right, y, tick == 0 ? Palette.Axis : Palette.Gridline, tick == 0 ? 1.5 : 1);
            svg.Text(plot.Left - TickGap, y + (ChartFonts.Body * 0.35), format.FormatTick(tick, scale.TickStep), ChartFonts.Body, anchor: "end");
        }

        if (title is not null)
        {
            svg.Text(plot.Left - ValueLabelWidth(scale, format), plot.Top - 14, title, ChartFonts.Body, bold: true);
        }

        svg.EndGroup();
    }

    /// <summary>A horizontal value axis at the bottom (for horizontal bars): vertical gridlines, tick labels and a title under them.</summary>
    public static void ValueAxisBottom(SvgWriter svg, LinearScale scale, PlotArea plot, ValueFormat format, string? title)
    {
        svg.StartGroup("x-axis");
        foreach (var tick in scale.Ticks)
        {
            var x = scale.Map(tick);
            svg.Line(x, plot.Top, x, plot.Bottom, tick == 0 ? Palette.Axis : Palette.Gridline, tick == 0 ? 1.5 : 1);
            svg.Text(x, plot.Bottom + TickGap + ChartFonts.Body, format.FormatTick(tick, scale.TickStep), ChartFonts.Body, anchor: "middle");
        }

        if (title is not null)
        {
            svg.Text(plot.Left + (plot.Width / 2), plot.Bottom + TickGap + (ChartFonts.Body * 2.6), title, ChartFonts.Body, anchor: "middle", bold: true);
        }

        svg.EndGroup();
    }

    /// <summary>Category labels under the plot; when they would collide, every k-th label is shown (always the first and the last).</summary>
    public static void BandAxisBottom(SvgWriter svg, BandScale band, IReadOnlyList<string> labels, PlotArea plot, string? title)
    {
        svg.StartGroup("x-axis");
        svg.Line(plot.Left, plot.Bottom, plot.Right, plot.Bottom, Palette.Axis, 1.5);
        var widest = labels.Select(l => TextMetrics.Width(l, ChartFonts.Body)).DefaultIfEmpty(0).Max() + 12;
        var every = Math.Max(1, (int)Math.Ceiling(widest / band.Step));
        for (var i = 0; i < labels.Count; i++)
        {
            var shown = i % every == 0 || (i == labels.Count - 1 && (labels.Count - 1) % every >= every / 2.0);
            var x = band.Center(i);
            svg.Line(x, plot.Bottom, x, plot.Bottom + 5, Palette.Axis);
            if (shown)
            {
                svg.Text(x, plot.Bottom + TickGap + ChartFonts.Body, labels[i], ChartFonts.Body, anchor: "middle");
            }
        }

        if (title is not null)
        {
            svg.Text(plot.Left + (plot.Width / 2), plot.Bottom + TickGap + (ChartFonts.Body * 2.6), title, ChartFonts.Body, anchor: "middle", bold: true);
        }

        svg.EndGroup();
    }

    /// <summary>Category labels left of the plot, right-aligned, one per band.</summary>
    public static void BandAxisLeft(SvgWriter svg, BandScale band, IReadOnlyList<string> labels, PlotArea plot)
    {
        svg.StartGroup("y-axis");
        for (var i = 0; i < labels.Count; i++)
        {
            svg.Text(plot.Left - TickGap, band.Center(i) + (ChartFonts.Body * 0.35), labels[i], ChartFonts.Body, anchor: "end");
        }

        svg.EndGroup();
    }
}
