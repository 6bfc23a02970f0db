using System.Globalization;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace Warehouse.Reports.Excel;

/// <summary>
/// The drawing part that places a sheet's charts beside its table, each with alternative text
/// (<c>xdr:cNvPr descr</c>) for screen readers.
/// </summary>
internal static class DrawingPartBuilder
{
    /// <param name="charts">The charts with their relationship ids from the drawing to the chart parts.</param>
    /// <param name="firstColumn">Zero-based column where the charts start (one blank column right of the table).</param>
    /// <param name="firstRow">Zero-based row of the top of the first chart.</param>
    public static Xdr.WorksheetDrawing Build(IReadOnlyList<(ExcelChart Chart, string RelationshipId)> charts, int firstColumn, int firstRow)
    {
        var drawing = new Xdr.WorksheetDrawing();
        drawing.AddNamespaceDeclaration("xdr", "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing");
        drawing.AddNamespaceDeclaration("a", "http://schemas.openxmlformats.org/drawingml/2006/main");
        var row = firstRow;
        for (var i = 0; i < charts.Count; i++)
        {
            var (chart, relationshipId) = charts[i];
            var anchor = new Xdr.TwoCellAnchor(
                Marker<Xdr.FromMarker>(firstColumn, row),
                Marker<Xdr.ToMarker>(firstColumn + chart.WidthInColumns, row + chart.HeightInRows),
                new Xdr.GraphicFrame(
                    new Xdr.NonVisualGraphicFrameProperties(
                        new Xdr.NonVisualDrawingProperties { Id = (uint)(i + 2), Name = $"Chart {i + 1}", Description = chart.AltText, Title = chart.Title },
                        new Xdr.NonVisualGraphicFrameDrawingProperties()),
                    new Xdr.Transform(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = 0, Cy = 0 }),
                    new A.Graphic(new A.GraphicData(new C.ChartReference { Id = relationshipId }) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart" }))
                { Macro = string.Empty },
                new Xdr.ClientData())
            { EditAs = Xdr.EditAsValues.OneCell };
            drawing.Append(anchor);
            row += chart.HeightInRows + 1;
        }

        return drawing;
    }

    private static T Marker<T>(int column, int row)
        where T : DocumentFormat.OpenXml.OpenXmlCompositeElement, new()
    {
        var marker = new T();
        marker.Append(
            new Xdr.ColumnId(column.ToString(CultureInfo.InvariantCulture)),
            new Xdr.ColumnOffset("0"),
            new Xdr.RowId(row.ToString(CultureInfo.InvariantCulture)),
            new Xdr.RowOffset("0"));
        return marker;
    }
}
