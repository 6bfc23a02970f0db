using System.Globalization;

namespace Warehouse.Reports.Charts;

/// <summary>
/// The parts every chart shares: the SVG root with its title and description for screen readers,
/// the title stating the finding, the subtitle, the legend, and the source-and-period footnote
/// with any notes. What is left is the <see cref="Plot"/> area for the chart's own marks.
/// </summary>
internal sealed class ChartFrame : IDisposable
{
    private const double Margin = 24;
    private readonly IReadOnlyList<string> _footnotes;
    private readonly ChartSize _size;

    public ChartFrame(ChartLabels labels, ChartSize size, IReadOnlyList<LegendItem> legend, IReadOnlyList<string> notes, string dataDescription)
    {
        ArgumentNullException.ThrowIfNull(labels);
        _size = size;
        var id = "chart-" + StableHash(labels.Title + "\n" + labels.Subtitle);
        Svg = new SvgWriter(size.Width, size.Height, id + "-title", id + "-desc");
        var description = string.IsNullOrWhiteSpace(labels.Summary) ? dataDescription : labels.Summary.TrimEnd() + " " + dataDescription;
        Svg.TitleAndDescription(id + "-title", labels.Title, id + "-desc", description + " " + labels.Source);
        Svg.Rect(0, 0, size.Width, size.Height, Palette.Background);

        var textWidth = size.Width - (2 * Margin);
        var y = Margin;
        Svg.StartGroup("titles");
        foreach (var line in TextMetrics.Wrap(labels.Title, ChartFonts.Title, textWidth, bold: true))
        {
            y += ChartFonts.Title;
            Svg.Text(Margin, y, line, ChartFonts.Title, bold: true);
            y += ChartFonts.Title * (ChartFonts.LineHeight - 1);
        }

        y += 4;
        foreach (var line in TextMetrics.Wrap(labels.Subtitle, ChartFonts.Subtitle, textWidth))
        {
            y += ChartFonts.Subtitle;
            Svg.Text(Margin, y, line, ChartFonts.Subtitle, fill: Palette.SecondaryText);
            y += ChartFonts.Subtitle * (ChartFonts.LineHeight - 1);
        }

        Svg.EndGroup();
        y += 12;
        if (legend.Count > 0)
        {
            y = DrawLegend(legend, y, textWidth) + 8;
        }

        _footnotes = [.. new[] { labels.Source }.Concat(labels.Notes).Concat(notes)
            .SelectMany(note => TextMetrics.Wrap(note, ChartFonts.Body, textWidth))];
        var footnoteHeight = (_footnotes.Count * ChartFonts.Body * ChartFonts.LineHeight) + 12;
        Plot = new PlotArea(Margin, y, size.Width - Margin, size.Height - Margin - footnoteHeight);
        if (Plot.Height < 120)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The chart is too small for its titles, legend and notes: {Plot.Height:F0}px left for the plot. Make it taller or the text shorter."));
        }
    }

    public SvgWriter Svg { get; }

    /// <summary>The area between the legend and the footnotes, for axes and marks.</summary>
    public PlotArea Plot { get; }

    /// <summary>Writes the footnotes and returns the SVG document.</summary>
    public string Finish()
    {
        Svg.StartGroup("footnotes");
        var y = _size.Height - Margin - ((_footnotes.Count - 1) * ChartFonts.Body * ChartFonts.LineHeight);
        foreach (var line in _footnotes)
        {
            Svg.Text(Margin, y, line, ChartFonts.Body, fill: Palette.SecondaryText);
            y += ChartFonts.Body * ChartFonts.LineHeight;
        }

        Svg.EndGroup();
        return Svg.Finish();
    }

    public void Dispose() => Svg.Dispose();

    private double DrawLegend(IReadOnlyList<LegendItem> legend, double top, double width)
    {
        Svg.StartGroup("legend");
        var x = Margin;
        var y = top + ChartFonts.Body;
        foreach (var item in legend)
        {
            var itemWidth = 30 + TextMetrics.Width(item.Label, ChartFonts.Body) + 24;
            if (x > Margin && x + itemWidth > Margin + width)
            {
                x = Margin;
                y += ChartFonts.Body * 1.6;
            }

            var middle = y - (ChartFonts.Body * 0.35);
            switch (item.Symbol)
            {
                case LegendSymbol.Square:
                    Svg.Rect(x, middle - 8, 16, 16, item.Colour);
                    break;
                case LegendSymbol.Line:
                    Svg.Line(x - 2, middle, x + 20, middle, item.Colour, 3);
                    break;
                case LegendSymbol.DashedLine:
                    Svg.Line(x - 2, middle, x + 20, middle, item.Colour, 2, "6 4");
                    break;
                case LegendSymbol.Whisker:
                    Svg.Line(x, middle, x + 18, middle, item.Colour, 2);
                    Svg.Line(x, middle - 6, x, middle + 6, item.Colour, 2);
                    Svg.Line(x + 18, middle - 6, x + 18, middle + 6, item.Colour, 2);
                    break;
                default:
                    Svg.Marker(ShapeOf(item.Symbol), x + 9, middle, 12, item.Colour);
                    break;
            }

            Svg.Text(x + 28, y, item.Label, ChartFonts.Body);
            x += itemWidth;
        }

        Svg.EndGroup();
        return y + (ChartFonts.Body * 0.5);
    }

    public static MarkerShape ShapeOf(LegendSymbol symbol) => symbol switch
    {
        LegendSymbol.Diamond => MarkerShape.Diamond,
        LegendSymbol.TriangleUp => MarkerShape.TriangleUp,
        LegendSymbol.TriangleDown => MarkerShape.TriangleDown,
        _ => MarkerShape.Circle,
    };

    /// <summary>FNV-1a: element ids that are stable across runs and machines (string.GetHashCode is not).</summary>
    private static string StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash.ToString("x8", CultureInfo.InvariantCulture);
    }
}
