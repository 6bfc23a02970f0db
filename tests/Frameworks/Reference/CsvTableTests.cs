namespace Warehouse.Frameworks.Tests;

public sealed class CsvTableTests
{
    [Fact]
    public void Parse_ReadsQuotesEscapesBomAndCrlf_WithSpreadsheetRowNumbers()
    {
        var table = CsvTable.Parse("\uFEFFa,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\r\n\"two\nlines\",z\r\nlast,\r\n", out var error, out _);

        Assert.Null(error);
        Assert.NotNull(table);
        Assert.Equal(["a", "b"], table.Header);
        Assert.Equal(["x, y", "say \"hi\""], table.Rows[0].Fields);
        Assert.Equal(2, table.Rows[0].Row);
        Assert.Equal(["two\nlines", "z"], table.Rows[1].Fields);
        Assert.Equal(4, table.Rows[1].Row);
        Assert.Equal(["last", ""], table.Rows[2].Fields);
        Assert.Equal(6, table.Rows[2].Row);
        Assert.Equal(1, table.Column(" B "));
        Assert.Equal(-1, table.Column("c"));
    }

    [Fact]
    public void Parse_RefusesAnEmptyFile()
    {
        Assert.Null(CsvTable.Parse("", out var error, out var row));
        Assert.Equal((1, "the file is empty: it needs a header row"), (row, error));
    }
}
