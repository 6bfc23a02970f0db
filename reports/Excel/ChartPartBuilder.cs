using DocumentFormat.OpenXml;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;

using Warehouse.Xlsx;

namespace Warehouse.Reports.Excel;

/// <summary>
/// A native chart part (<c>xl/charts/chartN.xml</c>): bar, column or line, its series bound to the
/// table's visible cells, blanks shown as gaps, in the Analysis Function palette.
/// </summary>
internal static class ChartPartBuilder
{
    // The Analysis Function categorical palette, in its recommended order.
    private static readonly string[] Palette = ["12436D", "28A197", "801650", "F46A25", "3D3D3D", "A285D1"];

    private const uint CategoryAxisId = 500_000_001;
    private const uint ValueAxisId = 500_000_002;

    public static C.ChartSpace Build(ExcelChart chart, ChartSeriesData data)
    {
        var chartSpace = new C.ChartSpace();
        chartSpace.AddNamespaceDeclaration("c", "http://schemas.openxmlformats.org/drawingml/2006/chart");
        chartSpace.AddNamespaceDeclaration("a", "http://schemas.openxmlformats.org/drawingml/2006/main");
        chartSpace.AddNamespaceDeclaration("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        chartSpace.Append(new C.Date1904 { Val = false }, new C.EditingLanguage { Val = "en-GB" }, new C.RoundedCorners { Val = false });

        var plotArea = new C.PlotArea(new C.Layout());
        plotArea.Append(chart.Kind == ExcelChartKind.Line ? LineChart(chart, data) : BarChart(chart, data));
        plotArea.Append(CategoryAxis(chart, data), ValueAxis(chart, data));

        var chartElement = new C.Chart(Title(chart.Title, 1400), new C.AutoTitleDeleted { Val = false }, plotArea);
        if (chart.ValueColumns.Count > 1)
        {
            chartElement.Append(new C.Legend(new C.LegendPosition { Val = C.LegendPositionValues.Bottom }, new C.Overlay { Val = false }));
        }

        // A missing value is a gap, never a zero.
        chartElement.Append(new C.PlotVisibleOnly { Val = true }, new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap });
        chartSpace.Append(chartElement);
        chartSpace.Append(new C.TextProperties(
            new A.BodyProperties(),
            new A.ListStyle(),
            new A.Paragraph(new A.ParagraphProperties(new A.DefaultRunProperties(new A.LatinFont { Typeface = "Arial" }) { FontSize = 1200 }), new A.EndParagraphRunProperties { Language = "en-GB" })));
        return chartSpace;
    }

    private static C.BarChart BarChart(ExcelChart chart, ChartSeriesData data)
    {
        var bar = new C.BarChart(
            new C.BarDirection { Val = chart.Kind == ExcelChartKind.Bar ? C.BarDirectionValues.Bar : C.BarDirectionValues.Column },
            new C.BarGrouping { Val = C.BarGroupingValues.Clustered },
            new C.VaryColors { Val = false });
        for (var i = 0; i < chart.ValueColumns.Count; i++)
        {
            var column = chart.ValueColumns[i];
            bar.Append(new C.BarChartSeries(
                new C.Index { Val = (uint)i },
                new C.Order { Val = (uint)i },
                SeriesText(data, column),
                new C.ChartShapeProperties(new A.SolidFill(new A.RgbColorModelHex { Val = Palette[i % Palette.Length] })),
                new C.InvertIfNegative { Val = false },
                CategoryData(chart, data),
                new C.Values(NumberReference(data, column))));
        }

        bar.Append(new C.GapWidth { Val = 80 }, new C.AxisId { Val = CategoryAxisId }, new C.AxisId { Val = ValueAxisId });
        return bar;
    }

    private static C.LineChart LineChart(ExcelChart chart, ChartSeriesData data)
    {
        var line = new C.LineChart(new C.Grouping { Val = C.GroupingValues.Standard }, new C.VaryColors { Val = false });
        for (var i = 0; i < chart.ValueColumns.Count; i++)
        {
            var column = chart.ValueColumns[i];
            var colour = Palette[i % Palette.Length];
            line.Append(new C.LineChartSeries(
                new C.Index { Val = (uint)i },
                new C.Order { Val = (uint)i },
                SeriesText(data, column),
                new C.ChartShapeProperties(new A.Outline(new A.SolidFill(new A.RgbColorModelHex { Val = colour })) { Width = 28_575 }),
                new C.Marker(
                    new C.Symbol { Val = C.MarkerStyleValues.Circle },
                    new C.Size { Val = 6 },
                    new C.ChartShapeProperties(new A.SolidFill(new A.RgbColorModelHex { Val = colour }))),
                CategoryData(chart, data),
                new C.Values(NumberReference(data, column)),
                new C.Smooth { Val = false }));
        }

        line.Append(new C.ShowMarker { Val = true }, new C.AxisId { Val = CategoryAxisId }, new C.AxisId { Val = ValueAxisId });
        return line;
    }

    private static C.CategoryAxis CategoryAxis(ExcelChart chart, ChartSeriesData data)
    {
        var horizontalBars = chart.Kind == ExcelChartKind.Bar;
        var axis = new C.CategoryAxis(
            new C.AxisId { Val = CategoryAxisId },
            // Horizontal bars read top-down in table order.
            new C.Scaling(new C.Orientation { Val = horizontalBars ? C.OrientationValues.MaxMin : C.OrientationValues.MinMax }),
            new C.Delete { Val = false },
            new C.AxisPosition { Val = horizontalBars ? C.AxisPositionValues.Left : C.AxisPositionValues.Bottom });
        if (chart.CategoryAxisTitle is { } title)
        {
            axis.Append(Title(title, 1200));
        }

        axis.Append(
            new C.NumberingFormat { FormatCode = data.Columns[chart.CategoryColumn].Format.Code, SourceLinked = true },
            new C.MajorTickMark { Val = C.TickMarkValues.Outside },
            new C.MinorTickMark { Val = C.TickMarkValues.None },
            new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
            new C.CrossingAxis { Val = ValueAxisId },
            new C.Crosses { Val = C.CrossesValues.AutoZero },
            new C.AutoLabeled { Val = true },
            new C.LabelAlignment { Val = C.LabelAlignmentValues.Center },
            new C.LabelOffset { Val = 100 },
            new C.NoMultiLevelLabels { Val = false });
        return axis;
    }

    private static C.ValueAxis ValueAxis(ExcelChart chart, ChartSeriesData data)
    {
        var horizontalBars = chart.Kind == ExcelChartKind.Bar;
        var axis = new C.ValueAxis(
            new C.AxisId { Val = ValueAxisId },
            new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
            new C.Delete { Val = false },
            new C.AxisPosition { Val = horizontalBars ? C.AxisPositionValues.Bottom : C.AxisPositionValues.Left },
            new C.MajorGridlines(new C.ChartShapeProperties(new A.Outline(new A.SolidFill(new A.RgbColorModelHex { Val = "D9D9D9" })) { Width = 9_525 })));
        if (chart.ValueAxisTitle is { } title)
        {
            axis.Append(Title(title, 1200));
        }

        axis.Append(
            new C.NumberingFormat { FormatCode = data.Columns[chart.ValueColumns[0]].Format.Code, SourceLinked = false },
            new C.MajorTickMark { Val = C.TickMarkValues.Outside },
            new C.MinorTickMark { Val = C.TickMarkValues.None },
            new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
            new C.CrossingAxis { Val = CategoryAxisId },
            // With the categories reversed, "max" keeps the value axis at the bottom.
            new C.Crosses { Val = horizontalBars ? C.CrossesValues.Maximum : C.CrossesValues.AutoZero },
            new C.CrossBetween { Val = C.CrossBetweenValues.Between });
        return axis;
    }

    private static C.Title Title(string text, int size) => new(
        new C.ChartText(new C.RichText(
            new A.BodyProperties(),
            new A.ListStyle(),
            new A.Paragraph(
                new A.ParagraphProperties(new A.DefaultRunProperties { FontSize = size, Bold = true }),
                new A.Run(new A.RunProperties { Language = "en-GB", FontSize = size, Bold = true }, new A.Text(text))))),
        new C.Overlay { Val = false });

    private static C.SeriesText SeriesText(ChartSeriesData data, int column) => new(
        new C.StringReference(
            new C.Formula(CellReference.QuoteSheetName(data.SheetName) + "!" + CellReference.Absolute(column, data.HeaderRow)),
            new C.StringCache(new C.PointCount { Val = 1 }, new C.StringPoint(new C.NumericValue(data.Columns[column].Header)) { Index = 0 })));

    private static C.CategoryAxisData CategoryData(ExcelChart chart, ChartSeriesData data)
    {
        var column = chart.CategoryColumn;
        var cells = data.Cells[column];
        var formula = new C.Formula(CellReference.AbsoluteRange(data.SheetName, column, data.FirstDataRow, data.LastDataRow));
        var count = (uint)(data.LastDataRow - data.FirstDataRow + 1);
        if (cells.All(c => c.Kind is CellKind.Number or CellKind.Date or CellKind.Blank))
        {
            return new C.CategoryAxisData(new C.NumberReference(formula, NumberCache(cells, count, data.Columns[column].Format)));
        }

        var cache = new C.StringCache(new C.PointCount { Val = count });
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i].Kind != CellKind.Blank)
            {
                cache.Append(new C.StringPoint(new C.NumericValue(cells[i].ToString())) { Index = (uint)i });
            }
        }

        return new C.CategoryAxisData(new C.StringReference(formula, cache));
    }

    private static C.NumberReference NumberReference(ChartSeriesData data, int column) => new(
        new C.Formula(CellReference.AbsoluteRange(data.SheetName, column, data.FirstDataRow, data.LastDataRow)),
        NumberCache(data.Cells[column], (uint)(data.LastDataRow - data.FirstDataRow + 1), data.Columns[column].Format));

    private static C.NumberingCache NumberCache(IReadOnlyList<SheetCell> cells, uint count, NumberFormat format)
    {
        var cache = new C.NumberingCache(new C.FormatCode(format.Code), new C.PointCount { Val = count });
        for (var i = 0; i < cells.Count; i++)
        {
            // Blanks and symbols have no point: the chart shows a gap.
            double? value = cells[i].Kind switch
            {
                CellKind.Number => cells[i].NumberValue,
                CellKind.Date => cells[i].DateSerial,
                _ => null,
            };
            if (value is { } v)
            {
                cache.Append(new C.NumericPoint(new C.NumericValue(XmlStrings.Number(v))) { Index = (uint)i });
            }
        }

        return cache;
    }
}
