using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Warehouse.Xlsx;
using Warehouse.Reports.Excel;
using Warehouse.Reports.Tests.Support;

namespace Warehouse.Reports.Tests.Excel;

public sealed class XlsxWriterTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    // Inline strings keep the text inside the sheet XML, so the golden files can be reviewed on their own.
    private static WorkbookModel GoldenModel => SampleWorkbook.Build(inlineStrings: true);

    private string WriteSample(WorkbookModel? model = null, string name = "pack.xlsx")
    {
        var path = _temp.File(name);
        XlsxWriter.WriteFile(model ?? SampleWorkbook.Build(), path);
        return path;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Validator_FindsNoErrors_InAWorkbookWithEveryFeature(bool inlineStrings)
    {
        var path = WriteSample(SampleWorkbook.Build(inlineStrings: inlineStrings) with { ProtectionPassword = "audit" });

        var errors = XlsxInspection.ValidationErrors(path);

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public void AgreementSheet_MatchesGolden() =>
        Golden.Verify("Excel/agreement-sheet.xml", XlsxInspection.WorksheetXml(WriteSample(GoldenModel, "agreement.xlsx"), "Table_1"));

    [Fact]
    public void ChartDataSheet_MatchesGolden() =>
        Golden.Verify("Excel/trend-sheet.xml", XlsxInspection.WorksheetXml(WriteSample(GoldenModel, "trend.xlsx"), "Chart_1"));

    [Fact]
    public void AuditSheet_MatchesGolden() =>
        Golden.Verify("Excel/audit-sheet.xml", XlsxInspection.WorksheetXml(WriteSample(GoldenModel, "audit.xlsx"), "Audit"));

    [Fact]
    public void SameWorkbook_GivesSameBytes()
    {
        var first = File.ReadAllBytes(WriteSample(name: "a.xlsx"));
        var second = File.ReadAllBytes(WriteSample(name: "b.xlsx"));

        Assert.Equal(first, second);
    }

    [Fact]
    public void TableSheet_HasTitleInA1_HeaderAfterDescription_FrozenPane_AndARealTable()
    {
        using var document = SpreadsheetDocument.Open(WriteSample(), false);
        var part = XlsxInspection.WorksheetPart(document, "Table_1");
        var table = part.TableDefinitionParts.Single().Table;
        var pane = part.Worksheet.Descendants<Pane>().Single();

        Assert.Equal("A4:H8", table.Reference!.Value);
        Assert.Equal("Agreement_by_locality", table.Name!.Value);
        Assert.Equal("Agreement_by_locality", table.DisplayName!.Value);
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(4d, pane.VerticalSplit!.Value);
        Assert.Equal("A5", pane.TopLeftCell!.Value);
        Assert.Empty(part.Worksheet.Descendants<MergeCells>());
        var a1 = part.Worksheet.Descendants<Cell>().First();
        Assert.Equal("A1", a1.CellReference!.Value);
    }

    [Fact]
    public void TableIds_AndNames_AreUniqueAcrossTheWorkbook()
    {
        using var document = SpreadsheetDocument.Open(WriteSample(), false);
        var tables = document.WorkbookPart!.WorksheetParts.SelectMany(p => p.TableDefinitionParts).Select(t => t.Table).ToArray();

        Assert.Equal(5, tables.Length);
        Assert.Equal(tables.Length, tables.Select(t => t.Id!.Value).Distinct().Count());
        Assert.Equal(tables.Length, tables.Select(t => t.Name!.Value).Distinct().Count());
    }

    [Fact]
    public void NegativeNumbers_AreNumberCells_NotText()
    {
        using var document = SpreadsheetDocument.Open(WriteSample(), false);
        var cell = XlsxInspection.WorksheetPart(document, "Table_1").Worksheet.Descendants<Cell>().Single(c => c.CellReference == "G6");

        Assert.Null(cell.DataType);
        Assert.Equal("-0.031", cell.CellValue!.Text);
    }

    [Fact]
    public void Styles_GiveEachColumnItsNumberFormat()
    {
        using var document = SpreadsheetDocument.Open(WriteSample(), false);
        var stylesheet = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var formats = stylesheet.NumberingFormats!.Elements<NumberingFormat>().ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!);
        var xfs = stylesheet.CellFormats!.Elements<CellFormat>().ToArray();
        var cells = XlsxInspection.WorksheetPart(document, "Table_1").Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);

        string FormatOf(string reference) => formats[xfs[(int)cells[reference].StyleIndex!.Value].NumberFormatId!.Value];

        Assert.Equal("#,##0", FormatOf("B5"));
        Assert.Equal("0.0%", FormatOf("C5"));
        Assert.Equal("0.000", FormatOf("F5"));
        Assert.Equal("yyyy-mm-dd", FormatOf("H5"));
    }

    [Fact]
    public void SymbolCells_AreText()
    {
        var path = WriteSample();
        using var reader = XlsxReader.Open(path);
        var rows = reader.ReadRows("Table_1").ToDictionary(r => r.RowNumber);

        Assert.Equal(XlsxValueKind.Text, rows[7][2].Kind);
        Assert.Equal("[u]", rows[7][2].Text);
        Assert.Equal("[c]", rows[8][1].Text);
        Assert.Equal("[z]", rows[8][5].Text);
        Assert.True(rows[8][7].IsBlank);
    }

    [Fact]
    public void ChartRange_KeepsBlankCells_AndTheChartShowsThemAsGaps()
    {
        using var document = SpreadsheetDocument.Open(WriteSample(), false);
        var part = XlsxInspection.WorksheetPart(document, "Chart_1");
        var gap = part.Worksheet.Descendants<Cell>().Single(c => c.CellReference == "B8");
        var charts = part.DrawingsPart!.ChartParts.Select(c => c.ChartSpace).ToArray();
        var line = charts.Single(c => c.Descendants<DocumentFormat.OpenXml.Drawing.Charts.LineChart>().Any());
        var series = line.Descendants<DocumentFormat.OpenXml.Drawing.Charts.LineChartSeries>().First();
        var cache = series.GetFirstChild<DocumentFormat.OpenXml.Drawing.Charts.Values>()!.Descendants<DocumentFormat.OpenXml.Drawing.Charts.NumericPoint>().Select(p => p.Index!.Value).ToArray();

        Assert.Null(gap.CellValue);
        Assert.Equal(3, charts.Length);
        Assert.All(charts, c => Assert.Equal(DocumentFormat.OpenXml.Drawing.Charts.DisplayBlanksAsValues.Gap, c.Descendants<DocumentFormat.OpenXml.Drawing.Charts.DisplayBlanksAs>().Single().Val!.Value));
        Assert.Equal("'Chart_1'!$B$4:$B$16", series.GetFirstChild<DocumentFormat.OpenXml.Drawing.Charts.Values>()!.Descendants<DocumentFormat.OpenXml.Drawing.Charts.Formula>().Single().Text);
        Assert.Equal(12, cache.Length);
        Assert.DoesNotContain(4u, cache);
    }

    [Fact]
    public void Charts_HaveAltTextAndTitles()
    {
        using var document = SpreadsheetDocument.Open(WriteSample(), false);
        var drawing = XlsxInspection.WorksheetPart(document, "Chart_1").DrawingsPart!.WorksheetDrawing;
        var properties = drawing.Descendants<DocumentFormat.OpenXml.Drawing.Spreadsheet.NonVisualDrawingProperties>().ToArray();

        Assert.Equal(3, properties.Length);
        Assert.StartsWith("Line chart of the monthly agreement rate", properties[0].Description!.Value, StringComparison.Ordinal);
        Assert.All(properties, p => Assert.False(string.IsNullOrWhiteSpace(p.Description?.Value)));
    }

    [Fact]
    public void ContentsSheet_LinksToEverySheet_WithInternalHyperlinks()
    {
        using var document = SpreadsheetDocument.Open(WriteSample(), false);
        var links = XlsxInspection.WorksheetPart(document, "Contents").Worksheet.Descendants<Hyperlink>().ToArray();

        Assert.Equal(["'Notes'!A1", "'Table_1'!A1", "'Chart_1'!A1", "'Audit'!A1"], links.Select(l => l.Location!.Value));
        Assert.All(links, l => Assert.Null(l.Id));
        Assert.DoesNotContain(XlsxInspection.AllWorksheetXml(WritePathOnce()), xml => xml.Contains("HYPERLINK(", StringComparison.Ordinal) && xml.Contains("<x:f", StringComparison.Ordinal));
    }

    private string WritePathOnce() => WriteSample(name: "links.xlsx");

    [Fact]
    public void AuditSheet_IsProtected_WithInputColumnsUnlocked_AndADropDown()
    {
        using var document = SpreadsheetDocument.Open(WriteSample(SampleWorkbook.Build() with { ProtectionPassword = "secret" }), false);
        var part = XlsxInspection.WorksheetPart(document, "Audit");
        var protection = part.Worksheet.Descendants<SheetProtection>().Single();
        var xfs = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToArray();
        var cells = part.Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
        var validation = part.Worksheet.Descendants<DataValidation>().Single();

        bool Locked(string reference) => xfs[(int)(cells[reference].StyleIndex?.Value ?? 0)].Protection?.Locked?.Value ?? true;

        Assert.True(protection.Sheet!.Value);
        Assert.Equal("SHA-512", protection.AlgorithmName!.Value);
        Assert.Equal(SheetProtectionHash.SpinCount, (int)protection.SpinCount!.Value);
        Assert.False(Locked("C4"));
        Assert.False(Locked("D5"));
        Assert.True(Locked("A4"));
        Assert.True(Locked("C3"));
        Assert.Equal("C4:C5", validation.SequenceOfReferences!.InnerText);
        Assert.Equal("\"Universal,Early help,Section 17,Section 47\"", validation.Formula1!.Text);
    }

    [Fact]
    public void ProtectionHash_MatchesTheSpecAlgorithm()
    {
        // Independent reference: the same ECMA-376 iteration written out longhand.
        var salt = Enumerable.Range(1, 16).Select(i => (byte)i).ToArray();
        var (saltText, hash) = SheetProtectionHash.Compute("pässword", salt);
        var h = System.Security.Cryptography.SHA512.HashData([.. salt, .. System.Text.Encoding.Unicode.GetBytes("pässword")]);
        for (var i = 0; i < SheetProtectionHash.SpinCount; i++)
        {
            h = System.Security.Cryptography.SHA512.HashData([.. h, .. BitConverter.GetBytes(i)]);
        }

        Assert.Equal(Convert.ToBase64String(salt), saltText);
        Assert.Equal(Convert.ToBase64String(h), hash);
    }

    [Fact]
    public void Marking_IsInTheHeaderAndFooterOfEverySheet()
    {
        using var document = SpreadsheetDocument.Open(WriteSample(), false);
        var parts = document.WorkbookPart!.WorksheetParts.ToArray();

        Assert.Equal(6, parts.Length);
        Assert.All(parts, p =>
        {
            Assert.Contains("OFFICIAL-SENSITIVE", p.Worksheet.Descendants<OddHeader>().Single().Text, StringComparison.Ordinal);
            Assert.Contains("OFFICIAL-SENSITIVE", p.Worksheet.Descendants<OddFooter>().Single().Text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Marking_EscapesAmpersands()
    {
        using var document = SpreadsheetDocument.Open(WriteSample(SampleWorkbook.Build(marking: "A&B")), false);

        Assert.Contains("A&&B", document.WorkbookPart!.WorksheetParts.First().Worksheet.Descendants<OddHeader>().Single().Text, StringComparison.Ordinal);
    }

    [Fact]
    public void DocumentProperties_NameTheTitleAndWarehouse()
    {
        using var document = SpreadsheetDocument.Open(WriteSample(), false);

        Assert.Equal("Threshold consistency pack", document.PackageProperties.Title);
        Assert.Equal("Warehouse", document.PackageProperties.Creator);
        Assert.Equal("en-GB", document.PackageProperties.Language);
    }

    [Fact]
    public void EmptyTable_GetsOneBlankRow_SoTheTableIsValid()
    {
        var empty = new TableSheet("Empty", "No data", "Empty_table", [SheetColumn.Text("A"), SheetColumn.Integer("B")], []);
        var path = WriteSample(new WorkbookModel("t", [empty]));

        using (var document = SpreadsheetDocument.Open(path, false))
        {
            Assert.Equal("A2:B3", XlsxInspection.WorksheetPart(document, "Empty").TableDefinitionParts.Single().Table.Reference!.Value);
        }

        Assert.Empty(XlsxInspection.ValidationErrors(path));
    }

    [Theory]
    [InlineData("Bad/Name")]
    [InlineData("A name that is far too long for Excel")]
    [InlineData("'quoted")]
    public void InvalidSheetName_IsRefusedBeforeWriting(string name)
    {
        var path = _temp.File("bad.xlsx");
        var sheet = new TextSheet(name, "t", []);

        Assert.Throws<ArgumentException>(() => XlsxWriter.WriteFile(new WorkbookModel("t", [sheet]), path));
        Assert.False(File.Exists(path));
    }

    [Theory]
    [InlineData("A1")]
    [InlineData("R1C1")]
    [InlineData("1table")]
    [InlineData("has space")]
    public void InvalidTableName_IsRefused(string name)
    {
        var sheet = new TableSheet("S", "t", name, [SheetColumn.Text("A")], []);

        Assert.Throws<ArgumentException>(() => XlsxWriter.Write(new WorkbookModel("t", [sheet]), Stream.Null));
    }

    [Fact]
    public void DuplicateTableNames_AndHeaders_AreRefused()
    {
        var a = new TableSheet("S1", "t", "T", [SheetColumn.Text("A")], []);
        var b = a with { Name = "S2", TableName = "t" };
        var twoHeaders = new TableSheet("S3", "t", "U", [SheetColumn.Text("A"), SheetColumn.Text("a")], []);

        Assert.Throws<ArgumentException>(() => XlsxWriter.Write(new WorkbookModel("t", [a, b]), Stream.Null));
        Assert.Throws<ArgumentException>(() => XlsxWriter.Write(new WorkbookModel("t", [twoHeaders]), Stream.Null));
    }

    [Fact]
    public void RowOfTheWrongWidth_FailsAndLeavesNoFile()
    {
        var path = _temp.File("partial.xlsx");
        var sheet = new TableSheet("S", "t", "T", [SheetColumn.Text("A"), SheetColumn.Text("B")], [[SheetCell.Text("only one")]]);

        Assert.Throws<InvalidOperationException>(() => XlsxWriter.WriteFile(new WorkbookModel("t", [sheet]), path));
        Assert.Empty(Directory.GetFiles(_temp.Path));
    }

    [Fact]
    public void FailureMidWrite_KeepsThePreviousFileIntact()
    {
        var path = WriteSample();
        var before = File.ReadAllBytes(path);
        var failing = new TableSheet("S", "t", "T", [SheetColumn.Integer("A")], Rows());

        Assert.Throws<InvalidOperationException>(() => XlsxWriter.WriteFile(new WorkbookModel("t", [failing]), path));
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(_temp.Path));

        static IEnumerable<IReadOnlyList<SheetCell>> Rows()
        {
            for (var i = 0; i < 5000; i++)
            {
                yield return [SheetCell.Number(i)];
            }

            throw new InvalidOperationException("the query failed");
        }
    }

    [UnixOnlyFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void OwnerOnly_CreatesTheFileWithMode0600()
    {
        var path = _temp.File("restricted.xlsx");

        XlsxWriter.WriteFile(SampleWorkbook.Build(), path, new OutputFileOptions { OwnerOnly = true });

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void LargeSheet_Streams()
    {
        const int rowCount = 200_000;
        var sheet = new TableSheet("Big", "Big", "Big", [SheetColumn.Integer("Id"), SheetColumn.Text("Key"), SheetColumn.Percent("Rate")],
            Enumerable.Range(0, rowCount).Select(i => (IReadOnlyList<SheetCell>)[SheetCell.Number(i), SheetCell.Text("K" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)), SheetCell.Number(i / (double)rowCount)]));
        var path = _temp.File("big.xlsx");

        XlsxWriter.WriteFile(new WorkbookModel("big", [sheet]) { InlineStrings = true }, path);

        using var reader = XlsxReader.Open(path);
        var last = reader.ReadRows("Big").Last();
        Assert.Equal(rowCount + 2, last.RowNumber);
        Assert.Equal(rowCount - 1, last[0].Number);
    }
}
