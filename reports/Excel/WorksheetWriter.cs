using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

using Warehouse.Xlsx;

namespace Warehouse.Reports.Excel;

/// <summary>
/// Streams one worksheet part with <see cref="OpenXmlWriter"/>: the layout common to every sheet
/// (title, description, views, widths, page set-up, marking) and typed cells. Table and text
/// sheets are in the partial files beside this one.
/// </summary>
internal sealed partial class WorksheetWriter : IDisposable
{
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    // Reused element templates: OpenXmlWriter only reads their names.
    private static readonly Row RowTemplate = new();
    private static readonly Cell CellTemplate = new();
    private static readonly CellValue ValueTemplate = new();
    private static readonly InlineString InlineTemplate = new();

    private readonly OpenXmlWriter _writer;
    private readonly WorkbookWriteContext _context;
    private readonly List<OpenXmlAttribute> _attributes = new(3);
    private readonly List<(string Reference, string Target, string Display)> _links = [];

    public WorksheetWriter(Stream stream, WorkbookWriteContext context)
    {
        _writer = OpenXmlWriter.Create(stream);
        _context = context;
    }

    public void Dispose() => _writer.Dispose();

    private void StartWorksheet(bool selected, int frozenRows, double[] widths)
    {
        _writer.WriteStartDocument(true);
        _writer.WriteStartElement(new Worksheet(), [], [new KeyValuePair<string, string>("r", RelationshipsNamespace)]);
        // Printed, a sheet fits the page width (with the fit-to settings in pageSetup) and runs on down.
        _writer.WriteElement(new SheetProperties(new PageSetupProperties { FitToPage = true }));

        var view = new SheetView { WorkbookViewId = 0 };
        if (selected)
        {
            view.TabSelected = true;
        }

        if (frozenRows > 0)
        {
            var topLeft = CellReference.Of(0, frozenRows + 1);
            view.Append(
                new Pane { VerticalSplit = frozenRows, TopLeftCell = topLeft, ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = topLeft, SequenceOfReferences = new ListValue<StringValue> { InnerText = topLeft } });
        }
        else
        {
            view.Append(new Selection { ActiveCell = "A1", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A1" } });
        }

        _writer.WriteElement(new SheetViews(view));
        _writer.WriteElement(new SheetFormatProperties { DefaultRowHeight = 15.75 });

        var columns = new Columns();
        for (var i = 0; i < widths.Length; i++)
        {
            columns.Append(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = Math.Round(widths[i], 2), CustomWidth = true });
        }

        _writer.WriteElement(columns);
        _writer.WriteStartElement(new SheetData());
    }

    /// <summary>Title in A1 and the description lines below it; returns the next free row.</summary>
    private int WriteTitleRows(SheetModel sheet)
    {
        WriteSingleCellRow(1, SheetCell.Text(sheet.Title), CellRole.Title);
        var row = 2;
        foreach (var line in sheet.Description)
        {
            WriteSingleCellRow(row++, SheetCell.Text(line), CellRole.Description);
        }

        return row;
    }

    private void WriteSingleCellRow(int row, SheetCell cell, CellRole role)
    {
        StartRow(row);
        WriteCell(0, row, cell, NumberFormat.General, role, locked: true);
        _writer.WriteEndElement();
    }

    private void StartRow(int row)
    {
        if (row > CellReference.MaxRows)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The sheet would need more than Excel's {CellReference.MaxRows:N0} rows; split the table or publish it as CSV."));
        }

        _attributes.Clear();
        _attributes.Add(new OpenXmlAttribute("r", string.Empty, row.ToString(CultureInfo.InvariantCulture)));
        _writer.WriteStartElement(RowTemplate, _attributes);
    }

    /// <summary>
    /// One typed cell. Text of any content goes out as a string cell (shared or inline), so data
    /// starting with <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c> stays text; no formula element is ever written.
    /// </summary>
    private void WriteCell(int column, int row, SheetCell cell, NumberFormat columnFormat, CellRole role, bool locked)
    {
        var reference = CellReference.Of(column, row);
        var format = cell.Format ?? columnFormat;
        var cellRole = cell.Kind switch
        {
            CellKind.Symbol when role == CellRole.Body => CellRole.Symbol,
            CellKind.Link => CellRole.Link,
            _ => role,
        };
        if (cell.Kind == CellKind.Date && !DateFormats.IsDateFormat(format.Code))
        {
            format = NumberFormat.Date;
        }

        var style = _context.Styles.Index(new StyleKey(format, cellRole, locked));
        _attributes.Clear();
        _attributes.Add(new OpenXmlAttribute("r", string.Empty, reference));
        if (style != 0)
        {
            _attributes.Add(new OpenXmlAttribute("s", string.Empty, style.ToString(CultureInfo.InvariantCulture)));
        }

        switch (cell.Kind)
        {
            case CellKind.Blank:
                _writer.WriteStartElement(CellTemplate, _attributes);
                break;
            case CellKind.Number:
                _writer.WriteStartElement(CellTemplate, _attributes);
                WriteValue(XmlStrings.Number(cell.NumberValue));
                break;
            case CellKind.Date:
                _writer.WriteStartElement(CellTemplate, _attributes);
                WriteValue(XmlStrings.Number(cell.DateSerial));
                break;
            default:
                var text = cell.TextValue ?? string.Empty;
                if (cell.Kind == CellKind.Link)
                {
                    _links.Add((reference, cell.LinkTarget!, text));
                }

                if (_context.SharedStrings is { } sharedStrings)
                {
                    _attributes.Add(new OpenXmlAttribute("t", string.Empty, "s"));
                    _writer.WriteStartElement(CellTemplate, _attributes);
                    WriteValue(sharedStrings.Index(text).ToString(CultureInfo.InvariantCulture));
                }
                else
                {
                    _attributes.Add(new OpenXmlAttribute("t", string.Empty, "inlineStr"));
                    _writer.WriteStartElement(CellTemplate, _attributes);
                    _writer.WriteStartElement(InlineTemplate);
                    SharedStrings.WriteText(_writer, text);
                    _writer.WriteEndElement();
                }

                break;
        }

        _writer.WriteEndElement();
    }

    private void WriteValue(string value)
    {
        _writer.WriteStartElement(ValueTemplate);
        _writer.WriteString(value);
        _writer.WriteEndElement();
    }

    /// <summary>Everything after the cells: hyperlinks, page set-up, the marking, drawing and table references.</summary>
    private void EndWorksheet(OpenXmlElement? protection, OpenXmlElement? validations, string? drawingRelationshipId, string? tableRelationshipId)
    {
        _writer.WriteEndElement(); // sheetData
        if (protection is not null)
        {
            _writer.WriteElement(protection);
        }

        if (validations is not null)
        {
            _writer.WriteElement(validations);
        }

        if (_links.Count > 0)
        {
            var hyperlinks = new Hyperlinks();
            foreach (var (reference, target, display) in _links)
            {
                // An internal link: a location in this workbook, no relationship, no HYPERLINK formula.
                hyperlinks.Append(new Hyperlink { Reference = reference, Location = CellReference.QuoteSheetName(target) + "!A1", Display = display });
            }

            _writer.WriteElement(hyperlinks);
        }

        _writer.WriteElement(new PageMargins { Left = 0.7, Right = 0.7, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 });
        _writer.WriteElement(new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
        _writer.WriteElement(HeaderFooterFor(_context.Model.Marking));
        if (drawingRelationshipId is not null)
        {
            _writer.WriteElement(new Drawing { Id = drawingRelationshipId });
        }

        if (tableRelationshipId is not null)
        {
            _writer.WriteElement(new TableParts(new TablePart { Id = tableRelationshipId }) { Count = 1 });
        }

        _writer.WriteEndElement(); // worksheet
    }

    private static HeaderFooter HeaderFooterFor(string? marking)
    {
        // In header and footer codes '&' starts a code; a literal ampersand is '&&'.
        var mark = marking?.Replace("&", "&&", StringComparison.Ordinal);
        var header = mark is null ? null : "&C&\"Arial,Bold\"" + mark;
        var footer = (mark is null ? string.Empty : "&C&\"Arial,Bold\"" + mark) + "&RPage &P of &N";
        var headerFooter = new HeaderFooter();
        if (header is not null)
        {
            headerFooter.Append(new OddHeader(header));
        }

        headerFooter.Append(new OddFooter(footer));
        return headerFooter;
    }

    /// <summary>A column width in characters from the longest text seen, within sensible bounds.</summary>
    private static double EstimateWidth(int longestText) => Math.Clamp(longestText + 2, 10, 60);
}
