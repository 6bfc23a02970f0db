using System.IO.Compression;
using System.Text;

namespace Warehouse.Synthetic.Xlsx;

/// <summary>
/// Writes an .xlsx package by hand: a zip whose entries all carry the same fixed timestamp, so the same rows give
/// the same bytes (the Open XML SDK's packaging stamps every part with the current time). Sheets are streamed one
/// after another; the shared strings go last, once every sheet has added its vocabulary.
/// </summary>
internal sealed class XlsxPackage : IDisposable
{
    public const int DateStyle = 1;
    public const int HeaderStyle = 2;
    public const int IntegerStyle = 3;

    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    private readonly ZipArchive zip;
    private readonly DateTimeOffset timestamp;
    private readonly IReadOnlyList<string> sheetNames;
    private readonly SharedStrings strings = new();
    private int nextSheet;
    private bool finished;

    public XlsxPackage(Stream output, IReadOnlyList<string> sheetNames, DateOnly created)
    {
        this.sheetNames = sheetNames;
        timestamp = new DateTimeOffset(created.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: false, entryNameEncoding: Utf8);
        Part("[Content_Types].xml", ContentTypes());
        Part("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """);
        Part("docProps/app.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Warehouse synthetic data generator</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><Company>Synthetic data - no real child</Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>
            """);
        var stamp = created.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "T12:00:00Z";
        Part("docProps/core.xml", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>Annex A (synthetic)</dc:title><dc:creator>Warehouse synthetic data generator</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified></cp:coreProperties>
            """);
        Part("xl/workbook.xml", Workbook());
        Part("xl/_rels/workbook.xml.rels", WorkbookRelationships());
        Part("xl/styles.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>
            """);
    }

    /// <summary>Starts the next sheet (in the order given); dispose it before starting another.</summary>
    public XlsxSheetWriter NextSheet(int columns, long rows)
    {
        if (nextSheet >= sheetNames.Count)
        {
            throw new InvalidOperationException("Every sheet has been written.");
        }

        nextSheet++;
        var entry = zip.CreateEntry($"xl/worksheets/sheet{nextSheet}.xml", CompressionLevel.Fastest);
        entry.LastWriteTime = timestamp;
        return new XlsxSheetWriter(entry.Open(), strings, columns, rows + 1);
    }

    /// <summary>Writes the shared strings and closes the package.</summary>
    public void Finish()
    {
        if (nextSheet != sheetNames.Count)
        {
            throw new InvalidOperationException($"{sheetNames.Count - nextSheet} sheet(s) were not written.");
        }

        var entry = zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.Fastest);
        entry.LastWriteTime = timestamp;
        using (var writer = new StreamWriter(entry.Open(), Utf8, 1 << 16))
        {
            strings.WriteTo(writer);
        }

        finished = true;
        zip.Dispose();
    }

    public void Dispose()
    {
        if (!finished)
        {
            zip.Dispose();
        }
    }

    private void Part(string name, string content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        entry.LastWriteTime = timestamp;
        using var writer = new StreamWriter(entry.Open(), Utf8);
        writer.Write(content);
    }

    private string ContentTypes()
    {
        var sb = new StringBuilder();
        sb.Append("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""").Append('\n')
          .Append("""<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>""");
        for (var i = 1; i <= sheetNames.Count; i++)
        {
            sb.Append("<Override PartName=\"/xl/worksheets/sheet").Append(Number(i)).Append(".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
        }

        sb.Append("""<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>""");
        return sb.ToString();
    }

    private string Workbook()
    {
        var sb = new StringBuilder();
        sb.Append("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""").Append('\n')
          .Append("""<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews><sheets>""");
        for (var i = 0; i < sheetNames.Count; i++)
        {
            sb.Append("<sheet name=\"");
            using (var w = new StringWriter(sb, System.Globalization.CultureInfo.InvariantCulture))
            {
                Xml.WriteEscaped(w, sheetNames[i]);
            }

            sb.Append("\" sheetId=\"").Append(Number(i + 1)).Append("\" r:id=\"rId").Append(Number(i + 1)).Append("\"/>");
        }

        sb.Append("</sheets><calcPr calcId=\"191029\" fullCalcOnLoad=\"1\"/></workbook>");
        return sb.ToString();
    }

    private string WorkbookRelationships()
    {
        var sb = new StringBuilder();
        sb.Append("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""").Append('\n')
          .Append("""<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""");
        for (var i = 1; i <= sheetNames.Count; i++)
        {
            sb.Append("<Relationship Id=\"rId").Append(Number(i)).Append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet").Append(Number(i)).Append(".xml\"/>");
        }

        var next = sheetNames.Count + 1;
        sb.Append("<Relationship Id=\"rId").Append(Number(next)).Append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>");
        sb.Append("<Relationship Id=\"rId").Append(Number(next + 1)).Append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>");
        sb.Append("</Relationships>");
        return sb.ToString();
    }

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
