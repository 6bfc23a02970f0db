using Warehouse.Etl.Loading;
using Warehouse.Etl.Tests.Malformed.Support;
using Xunit.Abstractions;

namespace Warehouse.Etl.Tests.Malformed;

/// <summary>
/// Annex A workbooks that are valid zips but not what they seem: no workbook part, a sheet part
/// missing or broken half-way, formulas (read by their saved results; one never calculated is a
/// reject saying so), and error cells (#N/A, #REF!, #VALUE!), which reject a row only when the row
/// cannot be used without the value (CONTRACT.md section 2). The truncated workbook and the zip
/// holding no workbook at all are in InboxTests.
/// </summary>
[Trait("Category", "Reliability")]
[Collection(MalformedCorpus.Name)]
public sealed class WorkbookStructureTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string[] List1Header =
        [Cell.Text("Child Unique ID"), Cell.Text("Gender"), Cell.Text("Ethnicity"), Cell.Text("Date of Birth"), Cell.Text("Date of Contact"), Cell.Text("Contact Source")];

    private readonly MalformedInbox inbox = new(output);

    public void Dispose() => inbox.Dispose();

    private static string[] Contact(string child, string date, string gender = "", string ethnicity = "", string birth = "") =>
        [child, gender.Length > 0 ? gender : Cell.Text("b) Female"), ethnicity.Length > 0 ? ethnicity : Cell.Text("a) WBRI"), birth.Length > 0 ? birth : Cell.Date(42471), date, Cell.Text("q) 6: Police")];

    private string Save(TestWorkbook workbook, string name) => inbox.DropFile(name, workbook.Save(Path.Combine(inbox.Scratch, name)));

    [Fact]
    public void A_package_whose_workbook_part_is_missing_is_unrecognised_with_the_reason()
    {
        Save(new TestWorkbook().Sheet("List 1", List1Header, Contact(Cell.Text("CHILD-1"), Cell.Date(46027))).Without("xl/workbook.xml"), "no-workbook.xlsx");
        inbox.DropGoodNeighbour();

        var report = inbox.Load();

        inbox.AssertOutcome(report, "no-workbook.xlsx", FileOutcome.Unrecognised, "not a readable Excel workbook", "no xl/workbook.xml part");
        inbox.AssertNeighbourLoaded(report);
    }

    [Fact]
    public void A_workbook_whose_sheet_part_is_missing_is_rejected_naming_the_part()
    {
        Save(new TestWorkbook().Sheet("List 1", List1Header, Contact(Cell.Text("CHILD-1"), Cell.Date(46027))).Without("xl/worksheets/sheet1.xml"), "no-sheet.xlsx");

        var report = inbox.Load();

        inbox.AssertOutcome(report, "no-sheet.xlsx", FileOutcome.Rejected, "'no-sheet.xlsx' is not a valid .xlsx workbook", "part '/xl/worksheets/sheet1.xml' is missing");
    }

    [Fact]
    public void A_sheet_whose_xml_breaks_half_way_loads_nothing_of_the_workbook()
    {
        var good = new TestWorkbook()
            .Sheet("List 1", List1Header, Contact(Cell.Text("CHILD-1"), Cell.Date(46027)))
            .Sheet("List 3", [Cell.Text("Child Unique ID"), Cell.Text("Date of Referral")], [Cell.Text("CHILD-1"), Cell.Date(46028)]);
        // List 3's rows stop in the middle of a cell: List 1, read first, must not be kept either.
        good.Repeated("xl/worksheets/sheet2.xml", TestWorkbook.SheetStart + """<row r="1"><c t="inlineStr"><is><t>Child Unique ID</t></is></c><c t="inlineStr"><is><t>Date of Referral</t></is></c></row><row r="2"><c t="inlineStr"><is><t>CHILD-1""", " ", 1, "</worksheet>");
        Save(good, "broken.xlsx");

        var report = inbox.Load();

        inbox.AssertOutcome(report, "broken.xlsx", FileOutcome.Rejected, "'broken.xlsx' is not a valid .xlsx workbook", "sheet2.xml", "not well-formed XML");
        Assert.Equal(0, inbox.Harness.Scalar<long>("SELECT count(*) FROM fact.annex_a_event"));
    }

    [Fact]
    public void Formulas_are_read_by_their_saved_results_and_one_never_calculated_is_a_reject_saying_so()
    {
        Save(new TestWorkbook().Sheet("List 1", List1Header,
            Contact(Cell.TextFormula("\"CHILD-\"&\"F1\"", "CHILD-F1"), Cell.DateFormula("DATE(2026,1,5)", 46027)),
            Contact(Cell.Text("CHILD-F2"), Cell.UncalculatedFormula("DATE(2026,1,6)", date: true)),
            Contact(Cell.UncalculatedFormula("VLOOKUP(A5,Children!A:B,2,FALSE)"), Cell.Date(46029)),
            Contact(Cell.Text("CHILD-F4"), Cell.Date(46030), gender: Cell.TextFormula("IF(TRUE,\"Male\",\"Female\")", "Male"))), "formulas.xlsx");

        var report = inbox.Load();

        var file = inbox.AssertOutcome(report, "formulas.xlsx", FileOutcome.Loaded, "2 row(s) rejected");
        Assert.Equal(2, file.RowsLoaded);
        Assert.Equal(new DateTime(2026, 1, 5), inbox.Harness.Scalar<DateTime>("SELECT event_date FROM fact.annex_a_event WHERE source_row = 2"));
        Assert.Equal(inbox.Harness.Keys.Pseudonym("CHILD-F1"), inbox.Harness.Scalar<string>("SELECT child_key FROM fact.annex_a_event WHERE source_row = 2"));
        Assert.Equal("M", inbox.Harness.Scalar<string>("SELECT sex FROM fact.annex_a_event WHERE source_row = 5"));
        var rejects = inbox.Rejects("formulas.xlsx");
        Assert.Equal([("List 1", 3L, "Date of Contact"), ("List 1", 4L, "Child Unique ID")], rejects.Select(r => (r.Sheet!, r.Row!.Value, r.Column!)));
        Assert.Contains("Date of Contact is a formula whose result was never saved (=DATE(2026,1,6))", rejects[0].Reason, StringComparison.Ordinal);
        Assert.Contains("open the workbook in Excel and save it", rejects[0].Reason, StringComparison.Ordinal);
        Assert.Contains("Child Unique ID is a formula whose result was never saved", rejects[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_cells_reject_a_row_only_when_it_cannot_be_used_without_the_value()
    {
        Save(new TestWorkbook().Sheet("List 1", List1Header,
            Contact(Cell.Error("#REF!"), Cell.Date(46027)),
            Contact(Cell.Text("CHILD-E2"), Cell.Error("#N/A")),
            Contact(Cell.Text("CHILD-E3"), Cell.Error("#VALUE!")),
            Contact(Cell.Text("CHILD-E4"), Cell.Date(46030), gender: Cell.Error("#N/A"), ethnicity: Cell.Error("#REF!"), birth: Cell.Error("#DIV/0!")),
            Contact(Cell.Text("CHILD-E5"), Cell.Date(46031))), "errors.xlsx");

        var report = inbox.Load();

        var file = inbox.AssertOutcome(report, "errors.xlsx", FileOutcome.Loaded, "3 row(s) rejected");
        Assert.Equal(2, file.RowsLoaded);
        var rejects = inbox.Rejects("errors.xlsx");
        Assert.Equal([(2L, "Child Unique ID", "#REF!"), (3L, "Date of Contact", null), (4L, "Date of Contact", "#VALUE!")],
            rejects.Select(r => (r.Row!.Value, r.Column!, r.Value)));
        Assert.Contains("Child Unique ID is the Excel error #REF!", rejects[0].Reason, StringComparison.Ordinal);
        Assert.Contains("Date of Contact is blank or #N/A", rejects[1].Reason, StringComparison.Ordinal);
        Assert.Contains("Date of Contact is the Excel error #VALUE!", rejects[2].Reason, StringComparison.Ordinal);
        // No child called "#REF!": an error is never an identifier.
        Assert.Equal(0, inbox.Harness.Scalar<long>("SELECT count(*) FROM fact.annex_a_event WHERE child_key = $1", inbox.Harness.Keys.Pseudonym("#REF!")));
        // Row 6's errors are in values the row can do without: stored as unknown, with warnings where they are not #N/A.
        Assert.Equal([null, null, null], inbox.Harness.Rows("SELECT sex, ethnicity, birth_month FROM fact.annex_a_event WHERE source_row = 5").Single());
        var warnings = inbox.Harness.Rows("SELECT row_number, column_name, value FROM ops.data_quality_warnings WHERE sheet = 'List 1' ORDER BY column_name");
        Assert.Equal([[5L, "Date of Birth", null], [5L, "Ethnicity", "#REF!"]], warnings);
    }
}
