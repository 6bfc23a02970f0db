using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Warehouse.Xlsx;
using Warehouse.Reports.Excel;
using Warehouse.Reports.Tests.Support;

namespace Warehouse.Reports.Tests.Excel;

/// <summary>Text from source data must never become a formula in a workbook.</summary>
public sealed class FormulaInjectionTests : IDisposable
{
    public static readonly TheoryData<string> Payloads =
    [
        "=1+1",
        "=HYPERLINK(\"http://evil.example\",\"click\")",
        "+44 20 7946 0000",
        "-2+3",
        "@SUM(A1:A2)",
        "\t=1+1",
        "\r=1+1",
        "=cmd|' /C calc'!A0",
        "-0.5",
    ];

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [MemberData(nameof(Payloads))]
    public void TextFromData_IsAStringCell_NeverAFormula_AndReadsBackUnchanged(string payload)
    {
        foreach (var inline in new[] { false, true })
        {
            var path = _temp.File($"injection-{inline}.xlsx");
            var sheet = new TableSheet("Data", "Injection", "Data", [SheetColumn.Text("Free text"), SheetColumn.Integer("Count")],
                [[SheetCell.Text(payload), SheetCell.Number(-3)]]);
            XlsxWriter.WriteFile(new WorkbookModel("t", [sheet]) { InlineStrings = inline }, path);

            using (var document = SpreadsheetDocument.Open(path, false))
            {
                var cells = XlsxInspection.WorksheetPart(document, "Data").Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
                Assert.Empty(document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<CellFormula>()));
                Assert.Equal(inline ? CellValues.InlineString : CellValues.SharedString, cells["A3"].DataType!.Value);
                Assert.Null(cells["B3"].DataType);
            }

            using var reader = XlsxReader.Open(path);
            var row = reader.ReadRows("Data").Single(r => r.RowNumber == 3);
            Assert.Equal(XlsxValueKind.Text, row[0].Kind);
            Assert.Equal(payload, row[0].Text);
            Assert.Equal(XlsxValueKind.Number, row[1].Kind);
            Assert.Equal(-3, row[1].Number);
        }
    }

    [Fact]
    public void NoWorksheetPart_EverContainsAFormulaElement()
    {
        var path = _temp.File("sample.xlsx");
        XlsxWriter.WriteFile(SampleWorkbook.Build(), path);

        Assert.All(XlsxInspection.AllWorksheetXml(path), xml => Assert.DoesNotContain(":f>", xml, StringComparison.Ordinal));
    }
}
