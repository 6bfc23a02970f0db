using System.Text;
using Warehouse.Reports.Csv;
using Warehouse.Reports.Excel;
using Warehouse.Reports.Tests.Support;

namespace Warehouse.Reports.Tests.Csv;

public sealed class CsvWriterTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+44 20 7946 0000", "'+44 20 7946 0000")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "\"'\r=1\"")]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")]
    [InlineData("plain", "plain")]
    [InlineData("a, b", "\"a, b\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    public void Text_IsNeutralisedAndQuoted(string text, string expected) =>
        Assert.Equal(expected, CsvWriter.Field(SheetCell.Text(text)));

    [Theory]
    [InlineData(-0.031, "-0.031")]
    [InlineData(-5, "-5")]
    [InlineData(1205, "1205")]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    public void Numbers_StayNumbers_EvenNegative(double value, string expected) =>
        Assert.Equal(expected, CsvWriter.Field(SheetCell.Number(value)));

    [Fact]
    public void SymbolsDatesAndBlanks()
    {
        Assert.Equal("[c]", CsvWriter.Field(SheetCell.Confidential));
        Assert.Equal("2026-10-31", CsvWriter.Field(SheetCell.Date(new DateOnly(2026, 10, 31))));
        Assert.Equal(string.Empty, CsvWriter.Field(SheetCell.Blank));
    }

    [Fact]
    public void File_IsUtf8WithBom_CrlfLines_InvariantNumbers_WhateverTheCulture()
    {
        var path = _temp.File("table.csv");
        var original = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            CsvFile.Write(path, ["Locality", "Rate", "Kappa lower"],
            [
                [SheetCell.Text("Ynys Môn – Caergybi"), SheetCell.Number(0.7213), SheetCell.Number(-0.031)],
                [SheetCell.Text("=cmd"), SheetCell.Confidential, SheetCell.Blank],
            ]);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = original;
        }

        var bytes = File.ReadAllBytes(path);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal(
            "Locality,Rate,Kappa lower\r\nYnys Môn – Caergybi,0.7213,-0.031\r\n'=cmd,[c],\r\n",
            Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public void TableSheet_WritesItsHeadersAndRows()
    {
        var path = _temp.File("agreement.csv");

        CsvFile.Write(path, Excel.SampleWorkbook.Agreement());

        var lines = File.ReadAllText(path, Encoding.UTF8).Split("\r\n");
        Assert.Equal("Locality,Assessable consultations,Agreement rate,Lower 95% limit,Upper 95% limit,Linear weighted kappa,Kappa lower 95% limit,Data cut-off", lines[0]);
        Assert.Equal("South & Rural,1205,0.684,0.657,0.71,0.05,-0.031,2026-10-31", lines[2]);
        Assert.Equal("City,[c],[c],[c],[c],[z],[z],", lines[4]);
    }

    [Fact]
    public void FailedWrite_LeavesNoFile()
    {
        var path = _temp.File("broken.csv");

        Assert.Throws<InvalidOperationException>(() => CsvFile.Write(path, ["A", "B"], [[SheetCell.Text("only one")]]));
        Assert.Empty(Directory.GetFiles(_temp.Path));
    }

    [UnixOnlyFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void OwnerOnly_IsMode0600()
    {
        var path = _temp.File("restricted.csv");

        CsvFile.Write(path, ["A"], [[SheetCell.Text("x")]], new OutputFileOptions { OwnerOnly = true });

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }
}
