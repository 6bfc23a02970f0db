namespace Warehouse.Synthetic.Xlsx;

/// <summary>Streams one worksheet's rows into its part of the package.</summary>
internal sealed class XlsxSheetWriter : ICellSink, IDisposable
{
    /// <summary>Day 0 of Excel's 1900 date system as used since 1 March 1900.</summary>
    private static readonly int ExcelEpoch = new DateOnly(1899, 12, 30).DayNumber;

    private static readonly string[] ColumnNames = [.. Enumerable.Range(0, 128).Select(ColumnName)];

    private readonly TextWriter writer;
    private readonly SharedStrings strings;
    private long row;
    private int column;
    private bool disposed;

    public XlsxSheetWriter(Stream part, SharedStrings strings, int columns, long rows)
    {
        this.strings = strings;
        writer = new StreamWriter(part, XlsxPackage.Utf8, 1 << 16);
        writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><dimension ref=\"A1:");
        writer.Write(ColumnNames[Math.Max(columns, 1) - 1]);
        Invariant.Write(writer, Math.Max(rows, 1));
        writer.Write("\"/><sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/><sheetData>");
    }

    public long Rows => row;

    public static int SerialOf(DateOnly date) => date.DayNumber - ExcelEpoch;

    /// <summary>The header row, in bold.</summary>
    public void Header(IReadOnlyList<string> names)
    {
        BeginRow();
        foreach (var name in names)
        {
            Open("s", XlsxPackage.HeaderStyle);
            writer.Write("<v>");
            Invariant.Write(writer, strings.IndexOf(name));
            writer.Write("</v></c>");
        }

        EndRow();
    }

    public void BeginRow()
    {
        row++;
        column = 0;
        writer.Write("<row r=\"");
        Invariant.Write(writer, row);
        writer.Write("\">");
    }

    public void Text(string value)
    {
        Open("s", 0);
        writer.Write("<v>");
        Invariant.Write(writer, strings.IndexOf(value));
        writer.Write("</v></c>");
    }

    public void Identifier(string value)
    {
        Open("inlineStr", 0);
        writer.Write("<is>");
        Xml.WriteText(writer, value);
        writer.Write("</is></c>");
    }

    public void Date(DateOnly date, bool asText)
    {
        if (asText)
        {
            Text(Invariant.Date(date, british: true));
            return;
        }

        Open(null, XlsxPackage.DateStyle);
        writer.Write("<v>");
        Invariant.Write(writer, SerialOf(date));
        writer.Write("</v></c>");
    }

    public void Integer(long value)
    {
        Open(null, XlsxPackage.IntegerStyle);
        writer.Write("<v>");
        Invariant.Write(writer, value);
        writer.Write("</v></c>");
    }

    public void Decimal(double value)
    {
        Open(null, 0);
        writer.Write("<v>");
        Invariant.Write(writer, value);
        writer.Write("</v></c>");
    }

    public void Blank() => column++;

    public void NotAvailable(bool asError)
    {
        if (!asError)
        {
            Text("#N/A");
            return;
        }

        Open("e", 0);
        writer.Write("<v>#N/A</v></c>");
    }

    public void DateFormula(int referenceColumn, int offsetDays, DateOnly result)
    {
        Open(null, XlsxPackage.DateStyle);
        writer.Write("<f>");
        writer.Write(ColumnNames[referenceColumn]);
        Invariant.Write(writer, row);
        writer.Write('+');
        Invariant.Write(writer, offsetDays);
        writer.Write("</f><v>");
        Invariant.Write(writer, SerialOf(result));
        writer.Write("</v></c>");
    }

    public void EndRow() => writer.Write("</row>");

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        writer.Write("</sheetData><pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>");
        writer.Dispose();
    }

    private void Open(string? type, int style)
    {
        writer.Write("<c r=\"");
        writer.Write(ColumnNames[column]);
        Invariant.Write(writer, row);
        writer.Write('"');
        if (style != 0)
        {
            writer.Write(" s=\"");
            Invariant.Write(writer, style);
            writer.Write('"');
        }

        if (type is not null)
        {
            writer.Write(" t=\"");
            writer.Write(type);
            writer.Write('"');
        }

        writer.Write('>');
        column++;
    }

    private static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }
}
