using System.Text;

namespace Warehouse.Reports.Charts;

/// <summary>
/// Renders a <see cref="StackedBarChartSpec"/>. A category with any suppressed part is not drawn at
/// all (a partial stack would mislead) and says so in place.
/// </summary>
internal static class StackedBarChart
{
    public static string Render(StackedBarChartSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        foreach (var segment in spec.Segments)
        {
            if (segment.Values.Count != spec.Categories.Count)
            {
                throw new ArgumentException($"Segment '{segment.Name}' has {segment.Values.Count} values for {spec.Categories.Count} categories.", nameof(spec));
            }
        }

        var complete = Enumerable.Range(0, spec.Categories.Count).Select(i => spec.Segments.All(s => s.Values[i] is not null)).ToArray();
        var legend = spec.Segments.Select((s, i) => new LegendItem(s.Name, Colour(i), LegendSymbol.Square)).ToArray();
        using var frame = new ChartFrame(spec.Labels, spec.Size, legend, complete.All(c => c) ? [] : [ChartNotes.Gaps], Describe(spec));
        var svg = frame.Svg;

        var totals = Enumerable.Range(0, spec.Categories.Count).Where(i => complete[i]).Select(i => spec.Segments.Sum(s => s.Values[i]!.Value)).DefaultIfEmpty(1).ToArray();
        var plot = frame.Plot.Inset(Axes.CategoryLabelWidth(spec.Categories), 0, 24, spec.ValueAxisTitle is null ? 34 : 60);
        var scale = LinearScale.Nice(0, spec.DomainMax ?? totals.Max(), plot.Left, plot.Right);
        var band = new BandScale(spec.Categories.Count, plot.Top, plot.Bottom);

        Axes.ValueAxisBottom(svg, scale, plot, spec.Format, spec.ValueAxisTitle);
        Axes.BandAxisLeft(svg, band, spec.Categories, plot);

        for (var s = 0; s < spec.Segments.Count; s++)
        {
            svg.StartGroup("segment", spec.Segments[s].Name);
            for (var i = 0; i < spec.Categories.Count; i++)
            {
                if (!complete[i])
                {
                    continue;
                }

                var before = spec.Segments.Take(s).Sum(seg => seg.Values[i]!.Value);
                var value = spec.Segments[s].Values[i]!.Value;
                var x1 = scale.Map(before);
                var x2 = scale.Map(before + value);
                var colour = Colour(s);
                // A white edge between parts, so neighbours never rely on colour difference alone.
                svg.Rect(x1, band.Start(i), x2 - x1, band.Bandwidth, colour, Palette.Background, 1.5, $"{spec.Categories[i]}, {spec.Segments[s].Name}: {spec.Format.Format(value)}");
                var label = spec.Format.Format(value);
                if (TextMetrics.Width(label, ChartFonts.Body) + 8 <= x2 - x1)
                {
                    svg.Text((x1 + x2) / 2, band.Center(i) + (ChartFonts.Body * 0.35), label, ChartFonts.Body, anchor: "middle", fill: Palette.TextOn(colour));
                }
            }

            svg.EndGroup();
        }

        for (var i = 0; i < spec.Categories.Count; i++)
        {
            if (!complete[i])
            {
                svg.Text(plot.Left + 6, band.Center(i) + (ChartFonts.Body * 0.35), "[c] not shown", ChartFonts.Body, fill: Palette.SecondaryText);
            }
        }

        return frame.Finish();
    }

    private static string Colour(int index) => Palette.Categorical[index % Palette.Categorical.Count];

    private static string Describe(StackedBarChartSpec spec)
    {
        var text = new StringBuilder("Stacked bar chart. ");
        for (var i = 0; i < spec.Categories.Count; i++)
        {
            text.Append(spec.Categories[i]).Append(": ");
            text.AppendJoin(", ", spec.Segments.Select(s => s.Name + " " + ChartNotes.Describe(s.Values[i], spec.Format, null)));
            text.Append(". ");
        }

        return text.ToString().TrimEnd();
    }
}
