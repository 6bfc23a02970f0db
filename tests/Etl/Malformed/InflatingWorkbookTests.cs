using Warehouse.Etl.Loading;
using Warehouse.Etl.Tests.Malformed.Support;
using Xunit.Abstractions;

namespace Warehouse.Etl.Tests.Malformed;

/// <summary>
/// Workbooks built to inflate: a few megabytes on disk whose parts unzip to gigabytes. Each is
/// refused quickly, with a reason naming the file and the part, before it can exhaust memory or
/// time, and the rest of the inbox still loads. The bombs are built in the test from repeated
/// deflated segments (<see cref="TestZip"/>), never inflated while being built.
/// </summary>
[Trait("Category", "Reliability")]
[Collection(MalformedCorpus.Name)]
public sealed class InflatingWorkbookTests(ITestOutputHelper output) : IDisposable
{
    private const string Header = """<row r="1"><c t="inlineStr"><is><t>Child Unique ID</t></is></c><c t="inlineStr"><is><t>Date of Contact</t></is></c></row>""";

    private const string Row = """<row><c t="inlineStr"><is><t>CHILD-0000001</t></is></c><c s="1"><v>46022</v></c></row>""";

    private readonly MalformedInbox inbox = new(output);

    public void Dispose() => inbox.Dispose();

    private static TestWorkbook AnnexA() => new TestWorkbook().Sheet("List 1",
        [Cell.Text("Child Unique ID"), Cell.Text("Date of Contact")],
        [Cell.Text("CHILD-1"), Cell.Date(46022)]);

    [Fact]
    public void A_sheet_declared_to_inflate_to_3_GB_is_refused_before_a_byte_is_inflated()
    {
        var rows = (3_000_000_000L - 200) / Row.Length;
        var path = AnnexA()
            .Repeated("xl/worksheets/sheet1.xml", TestWorkbook.SheetStart + Header, Row, rows, TestWorkbook.SheetEnd)
            .Save(Path.Combine(inbox.Scratch, "bomb.xlsx"));
        Assert.True(new FileInfo(path).Length < 16 << 20, $"the bomb should be small on disk ({new FileInfo(path).Length:N0} bytes)");
        inbox.DropFile("bomb.xlsx", path);
        inbox.DropGoodNeighbour();

        var report = inbox.Load(TimeSpan.FromSeconds(20), maxPeakGrowthBytes: 256L << 20);

        inbox.AssertOutcome(report, "bomb.xlsx", FileOutcome.Rejected, "'bomb.xlsx' is refused", "xl/worksheets/sheet1.xml", "would inflate to 3,000,000,");
        Assert.True(inbox.LastUse!.Elapsed < TimeSpan.FromSeconds(10), $"refusing the bomb took {inbox.LastUse}");
        inbox.AssertNeighbourLoaded(report);
    }

    [Fact]
    public void A_sheet_that_lies_about_its_size_is_cut_off_at_the_size_it_declared_and_refused()
    {
        // Declares 64 KB, inflates to 3 GB: the zip reader stops at the declared size, so the sheet's
        // XML ends mid-row, and the workbook is refused as broken; nothing of it is loaded.
        var rows = 3_000_000_000L / Row.Length;
        var path = AnnexA()
            .Repeated("xl/worksheets/sheet1.xml", TestWorkbook.SheetStart + Header, Row, rows, TestWorkbook.SheetEnd, declaredSize: 64 * 1024)
            .Save(Path.Combine(inbox.Scratch, "liar.xlsx"));
        inbox.DropFile("liar.xlsx", path);
        inbox.DropGoodNeighbour();

        var report = inbox.Load(TimeSpan.FromSeconds(20), maxPeakGrowthBytes: 256L << 20);

        inbox.AssertOutcome(report, "liar.xlsx", FileOutcome.Rejected, "'liar.xlsx' is not a valid .xlsx workbook", "sheet1.xml");
        Assert.Equal(0, inbox.Harness.Scalar<long>("SELECT count(*) FROM fact.annex_a_event"));
        inbox.AssertNeighbourLoaded(report);
    }

    [Fact]
    public void A_shared_strings_part_of_tiny_strings_is_refused_before_it_exhausts_memory()
    {
        // 900 MB of two-letter strings: under the 1 GB part limit, yet held as objects it would take
        // some 2.5 GB. The reader stops at its memory budget for the table and says so.
        const string Item = "<si><t>ab</t></si>";
        var path = AnnexA()
            .Repeated("xl/sharedStrings.xml", TestWorkbook.SharedStringsStart, Item, 900_000_000L / Item.Length, TestWorkbook.SharedStringsEnd)
            .Save(Path.Combine(inbox.Scratch, "strings.xlsx"));
        Assert.True(new FileInfo(path).Length < 16 << 20, $"the bomb should be small on disk ({new FileInfo(path).Length:N0} bytes)");
        inbox.DropFile("strings.xlsx", path);
        inbox.DropGoodNeighbour();

        var report = inbox.Load(TimeSpan.FromSeconds(60), maxPeakGrowthBytes: 768L << 20);

        inbox.AssertOutcome(report, "strings.xlsx", FileOutcome.Rejected, "'strings.xlsx' is refused", "shared strings", "bytes of memory");
        inbox.AssertNeighbourLoaded(report);
    }

    [Fact]
    public void A_single_shared_string_of_600_MB_is_stopped_as_it_grows()
    {
        // One string, under the part limit, would be 1.2 GB as .NET text (and copied again to be kept).
        var path = AnnexA()
            .Repeated("xl/sharedStrings.xml", TestWorkbook.SharedStringsStart + "<si><t>", new string('x', 4096), 600_000_000L / 4096, "</t></si>" + TestWorkbook.SharedStringsEnd)
            .Save(Path.Combine(inbox.Scratch, "one-string.xlsx"));
        inbox.DropFile("one-string.xlsx", path);

        var report = inbox.Load(TimeSpan.FromSeconds(30), maxPeakGrowthBytes: 768L << 20);

        inbox.AssertOutcome(report, "one-string.xlsx", FileOutcome.Rejected, "'one-string.xlsx' is refused", "shared strings", "(0 strings read so far)");
    }

    [Fact]
    public void A_row_wider_than_excel_allows_is_refused_not_held_in_memory()
    {
        // Cells without references take the next column; 40 million of them in one row would be
        // a list of 40 million values. Excel stops at column XFD (16,384), and so does the reader.
        const string Cell1 = "<c><v>1</v></c>";
        var path = AnnexA()
            .Repeated("xl/worksheets/sheet1.xml", TestWorkbook.SheetStart + Header + """<row r="2">""",
                Cell1, 40_000_000, "</row>" + TestWorkbook.SheetEnd)
            .Save(Path.Combine(inbox.Scratch, "wide.xlsx"));
        inbox.DropFile("wide.xlsx", path);

        var report = inbox.Load(TimeSpan.FromSeconds(30), maxPeakGrowthBytes: 256L << 20);

        inbox.AssertOutcome(report, "wide.xlsx", FileOutcome.Rejected, "'wide.xlsx' is not a valid .xlsx workbook", "row 2", "beyond Excel's last column");
    }
}
