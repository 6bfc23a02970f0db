using System.Text;

namespace Warehouse.Reports.Charts;

/// <summary>Renders a <see cref="LineChartSpec"/>. A missing value breaks the line: a gap with a note, never a dip to zero.</summary>
internal static class LineChart
{
    public static string Render(LineChartSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        foreach (var series in spec.Series)
        {
            if (series.Values.Count != spec.Categories.Count)
            {
                throw new ArgumentException($"Series '{series.Name}' has {series.Values.Count} values for {spec.Categories.Count} categories.", nameof(spec));
            }
        }

        var hasGap = spec.Series.Any(s => s.Values.Any(v => v is null));
        var notes = new List<string>();
        if (hasGap)
        {
            notes.Add(ChartNotes.Gaps);
        }

        if (spec.ProvisionalFrom is not null)
        {
            notes.Add(ChartNotes.Provisional);
        }

        var legend = spec.Series.Count > 1
            ? spec.Series.Select((s, i) => new LegendItem(s.Name, Colour(i), LegendSymbol.Line)).ToArray()
            : [];
        using var frame = new ChartFrame(spec.Labels, spec.Size, legend, notes, Describe(spec));
        var svg = frame.Svg;

        var values = spec.Series.SelectMany(s => s.Values).OfType<double>().DefaultIfEmpty(0).ToArray();
        var probe = LinearScale.Nice(spec.DomainMin ?? values.Min(), spec.DomainMax ?? values.Max(), 0, 1);
        var plot = frame.Plot.Inset(Axes.ValueLabelWidth(probe, spec.Format), spec.YAxisTitle is null ? 0 : 30, 16, spec.XAxisTitle is null ? 34 : 60);
        var y = LinearScale.Nice(spec.DomainMin ?? values.Min(), spec.DomainMax ?? values.Max(), plot.Bottom, plot.Top);
        var x = new BandScale(spec.Categories.Count, plot.Left, plot.Right, PaddingInner: 0, PaddingOuter: 0.5);

        Axes.ValueAxisLeft(svg, y, plot, spec.Format, spec.YAxisTitle);
        Axes.BandAxisBottom(svg, x, spec.Categories, plot, spec.XAxisTitle);

        var provisional = spec.ProvisionalFrom ?? int.MaxValue;
        for (var s = 0; s < spec.Series.Count; s++)
        {
            var series = spec.Series[s];
            var colour = Colour(s);
            svg.StartGroup("series", series.Name);
            foreach (var run in Runs(series.Values))
            {
                // Firm part, then the provisional part dashed, joined at the last firm point.
                var firm = run.Where(i => i < provisional).Select(i => Point(i)).ToArray();
                var dashed = run.Where(i => i >= provisional - 1).Select(i => Point(i)).ToArray();
                if (firm.Length > 1)
                {
                    svg.Polyline(firm, colour, 3);
                }

                if (dashed.Length > 1 && run.Any(i => i >= provisional))
                {
                    svg.Polyline(dashed, colour, 3, "8 5");
                }
            }

            for (var i = 0; i < series.Values.Count; i++)
            {
                if (series.Values[i] is { } value)
                {
                    var p = Point(i);
                    svg.Marker(MarkerShape.Circle, p.X, p.Y, 9, colour, $"{spec.Categories[i]}: {spec.Format.Format(value)}{(i >= provisional ? " [p]" : string.Empty)}");
                }
            }

            svg.EndGroup();

            (double X, double Y) Point(int i) => (x.Center(i), y.Map(series.Values[i]!.Value));
        }

        return frame.Finish();
    }

    private static string Colour(int index) => Palette.Categorical[index % Palette.Categorical.Count];

    /// <summary>Runs of consecutive indexes that have values; a null ends a run.</summary>
    private static List<List<int>> Runs(IReadOnlyList<double?> values)
    {
        var runs = new List<List<int>>();
        List<int>? current = null;
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is null)
            {
                current = null;
                continue;
            }

            if (current is null)
            {
                current = [];
                runs.Add(current);
            }

            current.Add(i);
        }

        return runs;
    }

    private static string Describe(LineChartSpec spec)
    {
        var text = new StringBuilder("Line chart. ");
        foreach (var series in spec.Series)
        {
            text.Append(series.Name).Append(": ");
            text.AppendJoin("; ", series.Values.Select((v, i) =>
                spec.Categories[i] + " " + ChartNotes.Describe(v, spec.Format, null) + (i >= (spec.ProvisionalFrom ?? int.MaxValue) ? " [p]" : string.Empty)));
            text.Append(". ");
        }

        return text.ToString().TrimEnd();
    }
}
