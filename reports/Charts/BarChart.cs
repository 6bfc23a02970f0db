using System.Text;

namespace Warehouse.Reports.Charts;

/// <summary>Renders a <see cref="BarChartSpec"/>: one horizontal bar per category, whiskers for the interval, an optional reference line.</summary>
internal static class BarChart
{
    private const string IntervalColour = Palette.Text;
    private const string ReferenceColour = "#801650";

    public static string Render(BarChartSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var hasInterval = spec.Items.Any(i => i.Value is not null && i.Lower is not null && i.Upper is not null);
        var hasGap = spec.Items.Any(i => i.Value is null);
        var legend = new List<LegendItem> { new(spec.ValueName, Palette.Categorical[0], LegendSymbol.Square) };
        if (hasInterval)
        {
            legend.Add(new LegendItem(spec.IntervalName, IntervalColour, LegendSymbol.Whisker));
        }

        if (spec.Reference is { } reference)
        {
            legend.Add(new LegendItem($"{reference.Label}: {spec.Format.Format(reference.Value)}", ReferenceColour, LegendSymbol.DashedLine));
        }

        using var frame = new ChartFrame(spec.Labels, spec.Size, legend, hasGap ? [ChartNotes.Gaps] : [], Describe(spec));
        var svg = frame.Svg;

        var values = spec.Items.SelectMany(i => new[] { i.Value, i.Lower, i.Upper }).OfType<double>()
            .Append(0).Concat(spec.Reference is { } r ? [r.Value] : []).ToArray();
        var labelRoom = TextMetrics.Width(spec.Format.Format(values.Max()), ChartFonts.Body) + 16;
        var plot = frame.Plot.Inset(Axes.CategoryLabelWidth(spec.Items.Select(i => i.Label)), 0, labelRoom, spec.ValueAxisTitle is null ? 34 : 60);
        var scale = LinearScale.Nice(spec.DomainMin ?? values.Min(), spec.DomainMax ?? values.Max(), plot.Left, plot.Right);
        var band = new BandScale(spec.Items.Count, plot.Top, plot.Bottom);

        Axes.ValueAxisBottom(svg, scale, plot, spec.Format, spec.ValueAxisTitle);
        Axes.BandAxisLeft(svg, band, spec.Items.Select(i => i.Label).ToArray(), plot);

        var zero = scale.Map(Math.Clamp(0, scale.DomainMin, scale.DomainMax));
        svg.StartGroup("bars", spec.ValueName);
        for (var i = 0; i < spec.Items.Count; i++)
        {
            var item = spec.Items[i];
            if (item.Value is { } value)
            {
                var end = scale.Map(value);
                svg.Rect(Math.Min(zero, end), band.Start(i), Math.Abs(end - zero), band.Bandwidth, Palette.Categorical[0], label: $"{item.Label}: {spec.Format.Format(value)}");
            }
            else
            {
                svg.Text(zero + 6, band.Center(i) + (ChartFonts.Body * 0.35), (item.Symbol ?? "[x]") + " not shown", ChartFonts.Body, fill: Palette.SecondaryText);
            }
        }

        svg.EndGroup();

        // The reference line goes under the whiskers and labels, so it never strikes through a number.
        if (spec.Reference is { } line)
        {
            var x = scale.Map(line.Value);
            svg.StartGroup("reference");
            svg.Line(x, plot.Top, x, plot.Bottom, ReferenceColour, 2, "6 4");
            svg.EndGroup();
        }

        svg.StartGroup("intervals");
        for (var i = 0; i < spec.Items.Count; i++)
        {
            var item = spec.Items[i];
            if (item.Value is not { } value)
            {
                continue;
            }

            var middle = band.Center(i);
            var labelAt = scale.Map(value);
            if (item.Lower is { } lower && item.Upper is { } upper)
            {
                var x1 = scale.Map(lower);
                var x2 = scale.Map(upper);
                var cap = Math.Min(band.Bandwidth * 0.5, 16) / 2;
                // A white halo keeps the dark whisker visible where it crosses the dark bar.
                foreach (var (colour, width) in new[] { (Palette.Background, 4.0), (IntervalColour, 2.0) })
                {
                    svg.Line(x1, middle, x2, middle, colour, width);
                    svg.Line(x1, middle - cap, x1, middle + cap, colour, width);
                    svg.Line(x2, middle - cap, x2, middle + cap, colour, width);
                }

                labelAt = Math.Max(labelAt, x2);
            }

            var label = spec.Format.Format(value);
            var labelX = labelAt + 6;
            if (spec.Reference is { } referenceLine && Math.Abs(scale.Map(referenceLine.Value) - labelX) < 4)
            {
                labelX += 6;
            }

            svg.Rect(labelX - 2, middle - (ChartFonts.Body * 0.75), TextMetrics.Width(label, ChartFonts.Body) + 4, ChartFonts.Body * 1.4, Palette.Background);
            svg.Text(labelX, middle + (ChartFonts.Body * 0.35), label, ChartFonts.Body);
        }

        svg.EndGroup();

        return frame.Finish();
    }

    private static string Describe(BarChartSpec spec)
    {
        var text = new StringBuilder("Horizontal bar chart. ");
        foreach (var item in spec.Items)
        {
            text.Append(item.Label).Append(": ").Append(ChartNotes.Describe(item.Value, spec.Format, item.Symbol));
            if (item.Value is not null && item.Lower is { } lower && item.Upper is { } upper)
            {
                text.Append(" (").Append(spec.IntervalName).Append(' ').Append(spec.Format.Format(lower)).Append(" to ").Append(spec.Format.Format(upper)).Append(')');
            }

            text.Append(". ");
        }

        if (spec.Reference is { } reference)
        {
            text.Append(reference.Label).Append(": ").Append(spec.Format.Format(reference.Value)).Append('.');
        }

        return text.ToString().TrimEnd();
    }
}
