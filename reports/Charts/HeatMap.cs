using System.Globalization;
using System.Text;

namespace Warehouse.Reports.Charts;

/// <summary>
/// Renders a <see cref="HeatMapSpec"/>: shades from the sequential palette in three bands, with every
/// count printed in its cell, so nothing depends on colour alone.
/// </summary>
internal static class HeatMap
{
    public static string Render(HeatMapSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Cells.Count != spec.RowLabels.Count || spec.Cells.Any(r => r.Count != spec.ColumnLabels.Count))
        {
            throw new ArgumentException("The cells must have one row per row label and one cell per column label.", nameof(spec));
        }

        var max = spec.Cells.SelectMany(r => r).Select(c => c.Value).OfType<double>().DefaultIfEmpty(0).Max();
        var bands = Bands(max);
        var legend = bands.Select(b => new LegendItem(b.Label, b.Colour, LegendSymbol.Square)).ToList();
        var notes = new List<string> { "Unshaded cells are zero or suppressed ([c]); every cell shows its count." };
        if (spec.OutlineDiagonal)
        {
            notes.Add("Outlined cells, with counts in bold, are where the two levels agree.");
        }

        using var frame = new ChartFrame(spec.Labels, spec.Size, legend, notes, Describe(spec));
        var svg = frame.Svg;

        var rowLabelWidth = Axes.CategoryLabelWidth(spec.RowLabels.Append(spec.RowAxisTitle));
        // Long column labels (a framework's level names) wrap within their column instead of running into the next.
        var provisionalWidth = Math.Min(frame.Plot.Inset(rowLabelWidth, 0, 0, 0).Width / spec.ColumnLabels.Count, 200);
        var columnLines = spec.ColumnLabels.Select(label => TextMetrics.Wrap(label, ChartFonts.Body, provisionalWidth - 8)).ToList();
        var extraLines = Math.Max(0, columnLines.Max(lines => lines.Count) - 1);
        var columnLabelHeight = (ChartFonts.Body * 1.4 * (2 + extraLines)) + 8;
        var area = frame.Plot.Inset(rowLabelWidth, columnLabelHeight, 0, 0);
        var cellWidth = Math.Min(area.Width / spec.ColumnLabels.Count, 200);
        var cellHeight = Math.Min(area.Height / spec.RowLabels.Count, 90);
        var grid = new PlotArea(area.Left, area.Top, area.Left + (cellWidth * spec.ColumnLabels.Count), area.Top + (cellHeight * spec.RowLabels.Count));

        svg.StartGroup("axis-titles");
        svg.Text(grid.Left + (grid.Width / 2), frame.Plot.Top + ChartFonts.Body, spec.ColumnAxisTitle, ChartFonts.Body, anchor: "middle", bold: true);
        svg.Text(grid.Left - 8, frame.Plot.Top + (ChartFonts.Body * 2.4) + 4, spec.RowAxisTitle, ChartFonts.Body, anchor: "end", bold: true);
        svg.EndGroup();

        svg.StartGroup("column-labels");
        for (var c = 0; c < spec.ColumnLabels.Count; c++)
        {
            for (var line = 0; line < columnLines[c].Count; line++)
            {
                svg.Text(grid.Left + (cellWidth * (c + 0.5)), frame.Plot.Top + (ChartFonts.Body * 2.4) + 4 + (line * ChartFonts.Body * 1.4), columnLines[c][line], ChartFonts.Body, anchor: "middle");
            }
        }

        svg.EndGroup();

        svg.StartGroup("row-labels");
        for (var r = 0; r < spec.RowLabels.Count; r++)
        {
            svg.Text(grid.Left - 8, grid.Top + (cellHeight * (r + 0.5)) + (ChartFonts.Body * 0.35), spec.RowLabels[r], ChartFonts.Body, anchor: "end");
        }

        svg.EndGroup();

        svg.StartGroup("cells", "Counts");
        for (var r = 0; r < spec.RowLabels.Count; r++)
        {
            for (var c = 0; c < spec.ColumnLabels.Count; c++)
            {
                var cell = spec.Cells[r][c];
                var fill = cell.Value is { } v && v > 0 ? bands.First(b => v <= b.Upper).Colour : Palette.Background;
                var x = grid.Left + (cellWidth * c);
                var y = grid.Top + (cellHeight * r);
                svg.Rect(x, y, cellWidth, cellHeight, fill, Palette.Gridline, 1, $"{spec.RowLabels[r]}, {spec.ColumnLabels[c]}: {cell.Text}");
                svg.Text(x + (cellWidth / 2), y + (cellHeight / 2) + (ChartFonts.Body * 0.35), cell.Text, ChartFonts.Body + 2, anchor: "middle", bold: r == c, fill: Palette.TextOn(fill));
            }
        }

        if (spec.OutlineDiagonal)
        {
            for (var d = 0; d < Math.Min(spec.RowLabels.Count, spec.ColumnLabels.Count); d++)
            {
                svg.Rect(grid.Left + (cellWidth * d) + 1.5, grid.Top + (cellHeight * d) + 1.5, cellWidth - 3, cellHeight - 3, "none", Palette.Text, 3);
            }
        }

        svg.EndGroup();
        return frame.Finish();
    }

    /// <summary>Three shade bands of equal width up to the largest count, lightest first.</summary>
    private static List<(double Upper, string Colour, string Label)> Bands(double max)
    {
        var top = Math.Max(3, Math.Ceiling(max));
        var first = Math.Ceiling(top / 3);
        var second = Math.Ceiling(2 * top / 3);
        string Range(double from, double to) => string.Create(CultureInfo.InvariantCulture, $"{from:N0} to {to:N0}");
        return
        [
            (first, Palette.Sequential[2], Range(1, first)),
            (second, Palette.Sequential[1], Range(first + 1, second)),
            (double.PositiveInfinity, Palette.Sequential[0], string.Create(CultureInfo.InvariantCulture, $"{second + 1:N0} or more")),
        ];
    }

    private static string Describe(HeatMapSpec spec)
    {
        var text = new StringBuilder("Matrix of counts. Rows: ").Append(spec.RowAxisTitle).Append("; columns: ").Append(spec.ColumnAxisTitle).Append(". ");
        for (var r = 0; r < spec.RowLabels.Count; r++)
        {
            text.Append(spec.RowLabels[r]).Append(": ");
            text.AppendJoin(", ", spec.ColumnLabels.Select((label, c) => label + " " + spec.Cells[r][c].Text));
            text.Append(". ");
        }

        return text.ToString().TrimEnd();
    }
}
