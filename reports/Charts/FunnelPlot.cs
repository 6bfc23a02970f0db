using System.Globalization;
using System.Text;

namespace Warehouse.Reports.Charts;

/// <summary>Renders a <see cref="FunnelPlotSpec"/>. Flags differ by marker shape as well as colour.</summary>
internal static class FunnelPlot
{
    private const string TargetColour = Palette.Text;
    private const string Limit95Colour = "#28A197";
    private const string Limit998Colour = "#801650";

    public static string Render(FunnelPlotSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var plotted = spec.Points.Where(p => p.Value is not null).ToArray();
        var missing = spec.Points.Where(p => p.Value is null).Select(p => p.Label).ToArray();
        var legend = new List<LegendItem>
        {
            new($"{spec.TargetLabel}: {spec.Format.Format(spec.Target)}", TargetColour, LegendSymbol.Line),
            new("95% limits", Limit95Colour, LegendSymbol.DashedLine),
            new("99.8% limits", Limit998Colour, LegendSymbol.Line),
            new("Within 95% limits", Palette.Categorical[0], LegendSymbol.Circle),
        };
        if (plotted.Any(p => p.Flag is FunnelFlag.High or FunnelFlag.Low))
        {
            legend.Add(new LegendItem("Between 95% and 99.8% limits", Palette.Categorical[3], LegendSymbol.Diamond));
        }

        if (plotted.Any(p => p.Flag is FunnelFlag.Above or FunnelFlag.Below))
        {
            legend.Add(new LegendItem("Outside 99.8% limits", Limit998Colour, LegendSymbol.TriangleUp));
        }

        var notes = missing.Length > 0 ? new[] { $"Not shown (suppressed or unavailable): {string.Join(", ", missing)}." } : [];
        using var frame = new ChartFrame(spec.Labels, spec.Size, legend, notes, Describe(spec));
        var svg = frame.Svg;

        var maxN = plotted.Select(p => p.Denominator).Concat(spec.Limits.Select(l => l.Denominator)).DefaultIfEmpty(1).Max();
        // The y range follows the points and the 99.8% limits where there are points, not the limits' wild ends at tiny n.
        var minPlottedN = plotted.Select(p => p.Denominator).DefaultIfEmpty(0).Min();
        var relevantLimits = spec.Limits.Where(l => l.Denominator >= minPlottedN * 0.8).ToArray();
        var ys = plotted.Select(p => p.Value!.Value).Append(spec.Target)
            .Concat(relevantLimits.SelectMany(l => new[] { l.Lower998, l.Upper998 })).Where(double.IsFinite).ToArray();
        var yMin = ys.Min();
        var yMax = ys.Max();
        if (spec.Format.IsPercent)
        {
            yMin = Math.Max(0, yMin);
            yMax = Math.Min(1, yMax);
        }

        var probe = LinearScale.Nice(yMin, yMax, 0, 1);
        var plot = frame.Plot.Inset(Axes.ValueLabelWidth(probe, spec.Format), spec.YAxisTitle is null ? 0 : 30, 16, 60);
        var y = LinearScale.Nice(yMin, yMax, plot.Bottom, plot.Top);
        var x = LinearScale.Nice(0, maxN, plot.Left, plot.Right);

        Axes.ValueAxisLeft(svg, y, plot, spec.Format, spec.YAxisTitle);
        Axes.ValueAxisBottom(svg, x, plot, ValueFormat.Integer, spec.XAxisTitle);

        double Clamp(double value) => Math.Clamp(y.Map(value), plot.Top, plot.Bottom);

        svg.StartGroup("limits");
        svg.Line(plot.Left, y.Map(spec.Target), plot.Right, y.Map(spec.Target), TargetColour, 2);
        foreach (var (select, colour, dash) in new (Func<FunnelLimit, double>, string, string?)[]
        {
            (l => l.Lower95, Limit95Colour, "6 4"),
            (l => l.Upper95, Limit95Colour, "6 4"),
            (l => l.Lower998, Limit998Colour, null),
            (l => l.Upper998, Limit998Colour, null),
        })
        {
            var points = spec.Limits.Where(l => double.IsFinite(select(l))).Select(l => (x.Map(l.Denominator), Clamp(select(l)))).ToArray();
            if (points.Length > 1)
            {
                svg.Polyline(points, colour, 2, dash);
            }
        }

        svg.EndGroup();

        svg.StartGroup("points", "Units");
        foreach (var point in plotted.OrderBy(p => p.Denominator))
        {
            var (shape, colour) = point.Flag switch
            {
                FunnelFlag.High => (MarkerShape.Diamond, Palette.Categorical[3]),
                FunnelFlag.Low => (MarkerShape.Diamond, Palette.Categorical[3]),
                FunnelFlag.Above => (MarkerShape.TriangleUp, Limit998Colour),
                FunnelFlag.Below => (MarkerShape.TriangleDown, Limit998Colour),
                _ => (MarkerShape.Circle, Palette.Categorical[0]),
            };
            var px = x.Map(point.Denominator);
            var py = Clamp(point.Value!.Value);
            svg.Marker(shape, px, py, 12, colour, string.Create(CultureInfo.InvariantCulture, $"{point.Label}: {spec.Format.Format(point.Value.Value)} of {point.Denominator:N0}"));
            if (spec.LabelPoints)
            {
                var rightSide = px + 10 + TextMetrics.Width(point.Label, ChartFonts.Body) <= plot.Right;
                svg.Text(rightSide ? px + 10 : px - 10, py - 8, point.Label, ChartFonts.Body, anchor: rightSide ? "start" : "end");
            }
        }

        svg.EndGroup();
        return frame.Finish();
    }

    private static string Describe(FunnelPlotSpec spec)
    {
        var text = new StringBuilder("Funnel plot. ");
        text.Append(spec.TargetLabel).Append(": ").Append(spec.Format.Format(spec.Target)).Append(". ");
        foreach (var point in spec.Points)
        {
            text.Append(point.Label).Append(": ").Append(ChartNotes.Describe(point.Value, spec.Format, null));
            if (point.Value is not null)
            {
                text.Append(" of ").Append(point.Denominator.ToString("N0", System.Globalization.CultureInfo.InvariantCulture))
                    .Append(", ").Append(FlagText(point.Flag));
            }

            text.Append(". ");
        }

        return text.ToString().TrimEnd();
    }

    private static string FlagText(FunnelFlag flag) => flag switch
    {
        FunnelFlag.High => "high (between the 95% and 99.8% limits)",
        FunnelFlag.Low => "low (between the 95% and 99.8% limits)",
        FunnelFlag.Above => "above the 99.8% limit",
        FunnelFlag.Below => "below the 99.8% limit",
        _ => "within the 95% limits",
    };
}
