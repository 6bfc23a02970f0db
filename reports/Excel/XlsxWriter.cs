using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Warehouse.Reports.Excel;

/// <summary>
/// Writes a <see cref="WorkbookModel"/> as an .xlsx laid out for releasing statistics: one table per
/// sheet as a real Excel table, typed cells, styles from one stylesheet, native charts, drop-downs,
/// protection and the protective marking. Sheets stream: rows are enumerated once and written as
/// they come.
/// </summary>
internal static partial class XlsxWriter
{
    private const string OfficeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    private const string SpreadsheetMl = "application/vnd.openxmlformats-officedocument.spreadsheetml.";

    /// <summary>Writes the workbook to <paramref name="path"/>: complete or not at all (temporary file, then rename).</summary>
    public static void WriteFile(WorkbookModel workbook, string path, OutputFileOptions? options = null, CancellationToken cancellationToken = default) =>
        AtomicFile.Write(path, options ?? OutputFileOptions.Default, stream => Write(workbook, stream, cancellationToken), cancellationToken);

    /// <summary>Writes the workbook to a stream (which need not be seekable).</summary>
    public static void Write(WorkbookModel workbook, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        ArgumentNullException.ThrowIfNull(output);
        Check(workbook);

        var context = new WorkbookWriteContext(workbook);
        using var package = new OpcPackageWriter(output);
        WriteDocumentProperties(package, workbook);
        WriteWorkbookPart(package, workbook);

        for (var i = 0; i < workbook.Sheets.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            WriteSheet(package, context, workbook.Sheets[i], i + 1, cancellationToken);
        }

        using (var stream = package.CreatePart("/xl/styles.xml", SpreadsheetMl + "styles+xml"))
        {
            WriteElement(stream, context.Styles.Build());
        }

        package.AddRelationship("/xl/workbook.xml", "rIdStyles", OfficeRelationships + "styles", "styles.xml");
        if (context.SharedStrings is { } sharedStrings)
        {
            using (var stream = package.CreatePart("/xl/sharedStrings.xml", SpreadsheetMl + "sharedStrings+xml"))
            {
                sharedStrings.WriteTo(stream);
            }

            package.AddRelationship("/xl/workbook.xml", "rIdStrings", OfficeRelationships + "sharedStrings", "sharedStrings.xml");
        }

        package.Finish();
    }

    private static void WriteSheet(OpcPackageWriter package, WorkbookWriteContext context, SheetModel sheet, int number, CancellationToken cancellationToken)
    {
        var partName = $"/xl/worksheets/sheet{number}.xml";
        package.AddRelationship("/xl/workbook.xml", SheetRelationshipId(number), OfficeRelationships + "worksheet", $"worksheets/sheet{number}.xml");
        var selected = number == 1;
        switch (sheet)
        {
            case TextSheet text:
                using (var stream = package.CreatePart(partName, SpreadsheetMl + "worksheet+xml"))
                using (var writer = new WorksheetWriter(stream, context))
                {
                    writer.WriteText(text, selected, cancellationToken);
                }

                break;
            case TableSheet table:
                WriteTableSheet(package, context, table, partName, selected, cancellationToken);
                break;
            default:
                throw new NotSupportedException($"Sheet type {sheet.GetType().Name} is not supported.");
        }
    }

    private static void WriteTableSheet(OpcPackageWriter package, WorkbookWriteContext context, TableSheet sheet, string partName, bool selected, CancellationToken cancellationToken)
    {
        const string tableRelationshipId = "rIdTable";
        var drawingRelationshipId = sheet.Charts.Count > 0 ? "rIdDrawing" : null;
        TableSheetLayout layout;
        using (var stream = package.CreatePart(partName, SpreadsheetMl + "worksheet+xml"))
        using (var writer = new WorksheetWriter(stream, context))
        {
            layout = writer.WriteTable(sheet, selected, tableRelationshipId, drawingRelationshipId, cancellationToken);
        }

        var tableNumber = context.NextTableNumber++;
        using (var stream = package.CreatePart($"/xl/tables/table{tableNumber}.xml", SpreadsheetMl + "table+xml"))
        {
            WriteElement(stream, TablePartBuilder.Build(context.NextTableId++, sheet, layout.HeaderRow, layout.LastDataRow));
        }

        package.AddRelationship(partName, tableRelationshipId, OfficeRelationships + "table", $"../tables/table{tableNumber}.xml");
        if (drawingRelationshipId is null)
        {
            return;
        }

        var drawingNumber = context.NextDrawingNumber++;
        var drawingPart = $"/xl/drawings/drawing{drawingNumber}.xml";
        var data = new ChartSeriesData(sheet.Name, layout.HeaderRow, layout.FirstDataRow, layout.LastDataRow, sheet.Columns, layout.ChartCells);
        var anchored = new List<(ExcelChart, string)>();
        for (var i = 0; i < sheet.Charts.Count; i++)
        {
            var chartNumber = context.NextChartNumber++;
            var relationshipId = "rIdChart" + (i + 1).ToString(CultureInfo.InvariantCulture);
            using (var stream = package.CreatePart($"/xl/charts/chart{chartNumber}.xml", "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"))
            {
                WriteElement(stream, ChartPartBuilder.Build(sheet.Charts[i], data));
            }

            package.AddRelationship(drawingPart, relationshipId, OfficeRelationships + "chart", $"../charts/chart{chartNumber}.xml");
            anchored.Add((sheet.Charts[i], relationshipId));
        }

        using (var stream = package.CreatePart(drawingPart, "application/vnd.openxmlformats-officedocument.drawing+xml"))
        {
            // One blank column right of the table, top level with the header row.
            WriteElement(stream, DrawingPartBuilder.Build(anchored, sheet.Columns.Count + 1, layout.HeaderRow - 1));
        }

        package.AddRelationship(partName, drawingRelationshipId, OfficeRelationships + "drawing", $"../drawings/drawing{drawingNumber}.xml");
    }

    private static void WriteWorkbookPart(OpcPackageWriter package, WorkbookModel workbook)
    {
        var sheets = new Sheets();
        for (var i = 0; i < workbook.Sheets.Count; i++)
        {
            sheets.Append(new Sheet { Name = workbook.Sheets[i].Name, SheetId = (uint)(i + 1), Id = SheetRelationshipId(i + 1) });
        }

        var part = new Workbook(new BookViews(new WorkbookView { ActiveTab = 0 }), sheets);
        part.AddNamespaceDeclaration("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        using (var stream = package.CreatePart("/xl/workbook.xml", SpreadsheetMl + "sheet.main+xml"))
        {
            WriteElement(stream, part);
        }

        package.AddRelationship("/", "rIdWorkbook", OfficeRelationships + "officeDocument", "xl/workbook.xml");
    }

    private static string SheetRelationshipId(int number) => "rIdSheet" + number.ToString(CultureInfo.InvariantCulture);

    private static void WriteElement(Stream stream, OpenXmlElement element)
    {
        using var xml = XmlWriter.Create(stream, OpcPackageWriter.XmlSettings);
        xml.WriteStartDocument(true);
        element.WriteTo(xml);
    }
}
