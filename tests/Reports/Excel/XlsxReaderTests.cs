using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Warehouse.Xlsx;
using Warehouse.Reports.Excel;
using Warehouse.Reports.Tests.Support;

namespace Warehouse.Reports.Tests.Excel;

public sealed class XlsxReaderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RoundTrip_ReturnsWhatTheWriterWrote(bool inlineStrings)
    {
        string[] texts = ["Ynys Môn – Caergybi", "Ŵ ŷ ß 東京 😀", "  spaces kept  ", "_x0041_ stays literal", "line one\nline two", "bell\u0007", "tab\there"];
        var sheet = new TableSheet("Round trip", "Round trip", "RoundTrip",
            [SheetColumn.Text("Text"), SheetColumn.Integer("Count"), SheetColumn.Percent("Rate"), SheetColumn.Date("Date"), SheetColumn.Decimal3("Kappa")],
            texts.Select((t, i) => (IReadOnlyList<SheetCell>)
            [
                SheetCell.Text(t),
                i == 2 ? SheetCell.Blank : SheetCell.Number(1_000_000L + i),
                SheetCell.Number(-0.125 * i),
                SheetCell.Date(new DateOnly(2026, 1, 31).AddDays(i)),
                i == 3 ? SheetCell.NotApplicable : SheetCell.Number(0.1 + (0.2 * i)),
            ]).ToArray());
        var path = _temp.File("roundtrip.xlsx");
        XlsxWriter.WriteFile(new WorkbookModel("t", [sheet]) { InlineStrings = inlineStrings }, path);

        using var reader = XlsxReader.Open(path);
        var rows = reader.ReadRows("Round trip").ToArray();

        Assert.Equal(["Round trip"], reader.SheetNames);
        Assert.Equal("Round trip", rows[0][0].Text);
        Assert.Equal(["Text", "Count", "Rate", "Date", "Kappa"], rows[1].Cells.Select(c => c.Text));
        for (var i = 0; i < texts.Length; i++)
        {
            var row = rows[i + 2];
            Assert.Equal(i + 3, row.RowNumber);
            Assert.Equal(texts[i], row[0].Text);
            if (i == 2)
            {
                Assert.True(row[1].IsBlank);
            }
            else
            {
                Assert.Equal(1_000_000d + i, row[1].Number);
            }

            Assert.Equal(XlsxValueKind.Number, row[2].Kind);
            Assert.Equal(-0.125 * i, row[2].Number);
            Assert.Equal(XlsxValueKind.Date, row[3].Kind);
            Assert.Equal(new DateTime(2026, 1, 31).AddDays(i), row[3].Date);
            Assert.Equal(i == 3 ? "[z]" : null, row[4].Text);
            if (i != 3)
            {
                Assert.Equal(0.1 + (0.2 * i), row[4].Number);
            }
        }
    }

    [Fact]
    public void ForeignWorkbook_CachedFormulaResults_Errors_Booleans_MissingReferences()
    {
        var path = _temp.File("foreign.xlsx");
        using (var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var stylesPart = workbook.AddNewPart<WorkbookStylesPart>();
            stylesPart.Stylesheet = new Stylesheet(
                new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy" }) { Count = 1 },
                new Fonts(new Font()) { Count = 1 },
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None })) { Count = 1 },
                new Borders(new Border()) { Count = 1 },
                new CellFormats(
                    new CellFormat { NumberFormatId = 0 },
                    new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true },
                    new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
                    new CellFormat { NumberFormatId = 10, ApplyNumberFormat = true })
                { Count = 4 });
            var sheetPart = workbook.AddNewPart<WorksheetPart>("rId1");
            sheetPart.Worksheet = new Worksheet(new SheetData(
                new Row(
                    new Cell { CellReference = "A1", CellFormula = new CellFormula("1+2"), CellValue = new CellValue("3") },
                    new Cell { CellReference = "C1", DataType = CellValues.Error, CellFormula = new CellFormula("NA()"), CellValue = new CellValue("#N/A") },
                    new Cell { CellReference = "D1", DataType = CellValues.Boolean, CellValue = new CellValue("1") },
                    new Cell { CellReference = "E1", DataType = CellValues.String, CellFormula = new CellFormula("\"a\"&\"b\""), CellValue = new CellValue("ab") },
                    new Cell { CellReference = "F1", CellFormula = new CellFormula("NOW()") })
                { RowIndex = 1 },
                // No references at all: the row is the next one, the cells the next columns.
                new Row(
                    new Cell { StyleIndex = 1, CellValue = new CellValue("46022") },
                    new Cell { StyleIndex = 2, CellValue = new CellValue("46023.5") },
                    new Cell { StyleIndex = 3, CellValue = new CellValue("0.25") },
                    new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Run(new Text("rich ")), new Run(new Text("text"))) }),
                new Row { RowIndex = 5 },
                new Row(new Cell { CellReference = "B10", CellValue = new CellValue("-7") }) { RowIndex = 10 }));
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Name = "Foreign", SheetId = 1, Id = "rId1" }));
        }

        using var reader = XlsxReader.Open(path);
        var rows = reader.ReadRows("foreign").ToArray();

        Assert.Equal([1, 2, 5, 10], rows.Select(r => r.RowNumber));
        Assert.True(rows[2].IsEmpty);
        Assert.Equal(3, rows[0][0].Number);
        Assert.True(rows[0][1].IsBlank);
        Assert.Equal(XlsxValueKind.Error, rows[0][2].Kind);
        Assert.Equal("#N/A", rows[0][2].Text);
        Assert.True(rows[0][3].Boolean);
        Assert.Equal("ab", rows[0][4].Text);
        Assert.True(rows[0][5].IsBlank);
        Assert.Equal(new DateTime(2025, 12, 31), rows[1][0].Date);
        Assert.Equal(new DateTime(2026, 1, 1, 12, 0, 0), rows[1][1].Date);
        Assert.Equal(XlsxValueKind.Number, rows[1][2].Kind);
        Assert.Equal("rich text", rows[1][3].Text);
        Assert.Equal(-7, rows[3][1].Number);
        Assert.True(rows[3][0].IsBlank);
    }

    [Fact]
    public void NotAZip_IsRefused_NamingTheFile()
    {
        var path = _temp.File("notes.xlsx");
        File.WriteAllText(path, "Locality,Count\nNorth,12\n");

        var error = Assert.Throws<XlsxReadException>(() => XlsxReader.Open(path));

        Assert.Contains("'notes.xlsx' is not a valid .xlsx workbook", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TruncatedWorkbook_IsRefused_NamingTheFile()
    {
        var whole = _temp.File("whole.xlsx");
        XlsxWriter.WriteFile(SampleWorkbook.Build(), whole);
        var bytes = File.ReadAllBytes(whole);
        var path = _temp.File("truncated.xlsx");
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<XlsxReadException>(() => XlsxReader.Open(path));

        Assert.Contains("'truncated.xlsx' is not a valid .xlsx workbook", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ZipWithoutAWorkbook_IsRefused()
    {
        var path = _temp.File("other.xlsx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            writer.Write("hello");
        }

        var error = Assert.Throws<XlsxReadException>(() => XlsxReader.Open(path));

        Assert.Contains("'other.xlsx' is not a valid .xlsx workbook: it has no workbook part", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ZipBomb_IsRefusedBeforeInflating()
    {
        var path = _temp.File("bomb.xlsx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using var stream = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 64; i++)
            {
                stream.Write(zeros);
            }
        }

        Assert.True(new FileInfo(path).Length < 1 << 20, "the test bomb should be small on disk");
        var error = Assert.Throws<XlsxReadException>(() => XlsxReader.Open(path, new XlsxReaderOptions { MaxPartBytes = 16 << 20 }));

        Assert.Contains("'bomb.xlsx' is refused", error.Message, StringComparison.Ordinal);
        Assert.Contains("xl/worksheets/sheet1.xml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PartThatInflatesPastItsLimit_IsStoppedWhileReading()
    {
        // A zip can declare a small size and inflate more; the limited stream stops it either way.
        using var inner = new MemoryStream(new byte[100]);
        using var limited = new LimitedReadStream(inner, 10, () => "too big");
        var buffer = new byte[64];

        var error = Assert.Throws<XlsxReadException>(() => limited.ReadExactly(buffer, 0, 64));

        Assert.Equal("too big", error.Message);
    }

    [Fact]
    public void TotalSizeLimit_IsApplied()
    {
        var path = _temp.File("sample.xlsx");
        XlsxWriter.WriteFile(SampleWorkbook.Build(), path);

        var error = Assert.Throws<XlsxReadException>(() => XlsxReader.Open(path, new XlsxReaderOptions { MaxTotalBytes = 1000 }));

        Assert.Contains("in total", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownSheet_NamesTheSheetsThereAre()
    {
        var path = _temp.File("sample.xlsx");
        XlsxWriter.WriteFile(SampleWorkbook.Build(), path);
        using var reader = XlsxReader.Open(path);

        var error = Assert.Throws<XlsxReadException>(() => reader.ReadRows("Missing").ToList());

        Assert.Contains("Cover, Contents, Notes, Table_1, Chart_1, Audit", error.Message, StringComparison.Ordinal);
    }
}
