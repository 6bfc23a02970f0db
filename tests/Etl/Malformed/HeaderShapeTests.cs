using Warehouse.Etl.Loading;
using Warehouse.Etl.Tests.Malformed.Support;
using Warehouse.Etl.Tests.Support;
using Xunit.Abstractions;

namespace Warehouse.Etl.Tests.Malformed;

/// <summary>
/// Files whose shape is wrong: empty, blank, a header and nothing else, columns repeated, missing,
/// extra, renamed or unnamed, another separator, a quote left open to the end, blank lines between
/// rows. Each loads what it can, or is refused with a reason naming the row or column, and nothing is
/// lost. ConsultationLoaderTests already covers a consultations header with no rows, one lacking a
/// required column, extra columns in any order and case, and a row with too many fields.
/// </summary>
[Trait("Category", "Reliability")]
[Collection(MalformedCorpus.Name)]
public sealed class HeaderShapeTests(ITestOutputHelper output) : IDisposable
{
    private readonly MalformedInbox inbox = new(output);

    public void Dispose() => inbox.Dispose();

    [Fact]
    public void Empty_and_blank_files_are_unrecognised_saying_so()
    {
        inbox.DropBytes("empty.csv", []);
        inbox.Drop("blank.csv", "\r\n\r\n   \r\n");
        inbox.DropGoodNeighbour();

        var report = inbox.Load();

        inbox.AssertOutcome(report, "empty.csv", FileOutcome.Unrecognised, "the file is empty");
        inbox.AssertOutcome(report, "blank.csv", FileOutcome.Unrecognised, "its first line is blank");
        inbox.AssertNeighbourLoaded(report);
    }

    [Fact]
    public void A_header_with_nothing_after_it_but_blank_lines_is_refused_for_every_csv_kind()
    {
        inbox.Drop("consultations.csv", string.Join(',', ConsultationCsv.Header) + "\r\n\r\n\r\n");
        inbox.Drop("list-1.csv", AnnexACsv.List(1));
        inbox.Drop("localities.csv", "locality_code,locality_name,area,population_0_17\r\n");

        var report = inbox.Load();

        inbox.AssertOutcome(report, "consultations.csv", FileOutcome.Rejected, "header but no rows");
        inbox.AssertOutcome(report, "list-1.csv", FileOutcome.Rejected, "headers but no rows");
        inbox.AssertOutcome(report, "localities.csv", FileOutcome.Rejected, "header but no rows");
        // The shipped localities are still there: a refused reference file replaces nothing.
        Assert.Equal(5, inbox.Harness.Scalar<long>("SELECT count(*) FROM dim.locality WHERE partnership = 'warwickshire'"));
    }

    [Fact]
    public void A_column_the_loader_reads_named_twice_refuses_an_annex_a_list_or_reference_file_naming_both_columns()
    {
        var csv = AnnexACsv.List(1, ("A", "2026-03-02", "")).Replace("Contact Source\r\n", "Contact Source,DATE OF CONTACT\r\n", StringComparison.Ordinal)
            .Replace(",6\r\n", ",6,2026-03-09\r\n", StringComparison.Ordinal);
        inbox.Drop("list-1.csv", csv);
        inbox.Drop("agencies.csv", "agency_code,agency_name,sector,cin_source_code, sector\r\nPOLICE,Police,police,6,health\r\n");
        var workbook = new TestWorkbook().Sheet("List 3",
            [Cell.Text("Child Unique ID"), Cell.Text("Date of Referral"), Cell.Text("Child Unique ID")],
            [Cell.Text("CHILD-1"), Cell.Date(46027), Cell.Text("CHILD-2")]);
        inbox.DropFile("twice.xlsx", workbook.Save(Path.Combine(inbox.Scratch, "twice.xlsx")));

        var report = inbox.Load();

        inbox.AssertOutcome(report, "list-1.csv", FileOutcome.Rejected, "the column 'Date of Contact' 2 times (columns E and G)");
        inbox.AssertOutcome(report, "agencies.csv", FileOutcome.Rejected, "the column 'sector' 2 times (columns C and E)");
        inbox.AssertOutcome(report, "twice.xlsx", FileOutcome.Rejected, "sheet 'List 3'", "the column 'Child Unique ID' 2 times (columns A and C)");
        Assert.Equal(0, inbox.Harness.Scalar<long>("SELECT count(*) FROM fact.annex_a_event"));
    }

    [Fact]
    public void A_consultations_column_named_twice_refuses_the_file_naming_the_column()
    {
        // Two locality columns that disagree: which one holds the value is anyone's guess.
        var header = ConsultationCsv.Header.Append("locality").ToList();
        var csv = new ConsultationCsv().Add("C1").Add("C2").Build(header).Replace(",Family Connect Team A,RUG\r\n", ",Family Connect Team A,WAR\r\n", StringComparison.Ordinal);
        inbox.Drop("twice.csv", csv);

        var report = inbox.Load();

        var file = NothingLost(report, "twice.csv");
        Assert.Equal(FileOutcome.Rejected, file.Outcome);
        Assert.Contains("The header names locality more than once", file.Reason, StringComparison.Ordinal);
        Assert.Equal(0, inbox.Harness.Scalar<long>("SELECT count(*) FROM fact.consultation"));
    }

    [Fact]
    public void Missing_and_renamed_columns_are_refused_or_unrecognised_listing_what_was_found()
    {
        var renamedIds = new ConsultationCsv().Add("C1").Build().Replace("consultation_id,child_id", "Consultation ID,Child ID", StringComparison.Ordinal);
        var renamedLocality = new ConsultationCsv().Add("C1").Build().Replace(",locality,", ",locality_code,", StringComparison.Ordinal);
        inbox.Drop("renamed-ids.csv", renamedIds);
        inbox.Drop("renamed-locality.csv", renamedLocality);
        inbox.Drop("list-1-renamed.csv", AnnexACsv.List(1, ("A", "2026-03-02", "")).Replace("Date of Contact", "Contact Date", StringComparison.Ordinal));
        inbox.Drop("agencies.csv", "agency_code,agency_name,sector\r\nPOLICE,Police,police\r\n");
        var workbook = new TestWorkbook()
            .Sheet("List 1", [Cell.Text("Child Unique ID"), Cell.Text("Date of Contact")], [Cell.Text("CHILD-1"), Cell.Date(46027)])
            .Sheet("List 3", [Cell.Text("Child Unique ID"), Cell.Text("Referral Date")], [Cell.Text("CHILD-1"), Cell.Date(46027)]);
        inbox.DropFile("no-referral-date.xlsx", workbook.Save(Path.Combine(inbox.Scratch, "no-referral-date.xlsx")));

        var report = inbox.Load();

        inbox.AssertOutcome(report, "renamed-ids.csv", FileOutcome.Unrecognised, "'Consultation ID', 'Child ID'", "consultations need consultation_id and child_id");
        inbox.AssertOutcome(report, "renamed-locality.csv", FileOutcome.Rejected, "lacks the required column(s) locality");
        inbox.AssertOutcome(report, "list-1-renamed.csv", FileOutcome.Unrecognised, "'Contact Date'", "the list's date column");
        inbox.AssertOutcome(report, "agencies.csv", FileOutcome.Rejected, "lacks the required column(s) cin_source_code");
        inbox.AssertOutcome(report, "no-referral-date.xlsx", FileOutcome.Rejected, "sheet 'List 3' (List 3, Referrals) lacks 'date of referral'");
        Assert.Equal(0, inbox.Harness.Scalar<long>("SELECT count(*) FROM fact.consultation") + inbox.Harness.Scalar<long>("SELECT count(*) FROM fact.annex_a_event"));
    }

    [Fact]
    public void Extra_and_unnamed_columns_are_ignored_and_reported_by_their_column_letter()
    {
        // Exports often end every line with a comma: an extra column with no name.
        var csv = new ConsultationCsv().Add("C1").Add("C2").Build().Replace("\r\n", ",\r\n", StringComparison.Ordinal);
        inbox.Drop("trailing-commas.csv", csv);
        inbox.Drop("list-3.csv", AnnexACsv.List(3, ("A", "2026-03-02", "No")).Replace("Allocated Worker\r\n", "Allocated Worker,Notes,Team\r\n", StringComparison.Ordinal)
            .Replace("Ms Worker Name\r\n", "Ms Worker Name,free text,North\r\n", StringComparison.Ordinal));

        var report = inbox.Load();

        Assert.Equal(2, inbox.AssertOutcome(report, "trailing-commas.csv", FileOutcome.Loaded).RowsLoaded);
        Assert.Equal("(no name, column U)", inbox.Harness.Scalar<string>("SELECT column_name FROM ops.data_quality_warnings"));
        Assert.Equal(1, inbox.AssertOutcome(report, "list-3.csv", FileOutcome.Loaded).RowsLoaded);
    }

    [Theory]
    [InlineData(';', "semicolons")]
    [InlineData('\t', "tabs")]
    public void Another_separator_refuses_the_file_as_the_kind_it_is_naming_the_separator(char separator, string named)
    {
        inbox.Drop("separated.csv", new ConsultationCsv().Add("C1").Add("C2").Build().Replace(',', separator));
        inbox.Drop("list-1.csv", AnnexACsv.List(1, ("A", "2026-03-02", "")).Replace(',', separator));

        var report = inbox.Load();

        Assert.Equal("consultations", inbox.AssertOutcome(report, "separated.csv", FileOutcome.Rejected, $"is separated by {named}", "comma-separated").Kind);
        Assert.Equal("annex_a_list", inbox.AssertOutcome(report, "list-1.csv", FileOutcome.Rejected, $"is separated by {named}").Kind);
    }

    [Fact]
    public void A_quote_left_open_to_the_end_of_the_file_refuses_it_naming_the_row_and_column()
    {
        var csv = new ConsultationCsv().Add("C1").Add("C2").Add("C3", r => r["team"] = "\"Family Connect").Add("C4").Build();
        // The builder doubles the quote; undo it, so the value opens a quote that nothing closes.
        inbox.Drop("open-quote.csv", csv.Replace("\"\"\"Family Connect\"", "\"Family Connect", StringComparison.Ordinal));
        inbox.DropGoodNeighbour();

        var report = inbox.Load();

        inbox.AssertOutcome(report, "open-quote.csv", FileOutcome.Rejected, "Row 4 opens a quote (column 'team') that is never closed");
        Assert.Equal(0, inbox.Harness.Scalar<long>("SELECT count(*) FROM fact.consultation WHERE consultation_id LIKE 'C%'"));
        inbox.AssertNeighbourLoaded(report);
    }

    [Fact]
    public void Blank_lines_between_rows_keep_every_later_row_numbered_as_excel_shows_it()
    {
        // DuckDB skips blank lines; rows used to be numbered as if they were not there.
        var lines = new ConsultationCsv().Add("C1").Add("C2", r => r["locality"] = "NOWHERE").Add("C3").Add("C4").Build().Split("\r\n");
        var csv = string.Join("\r\n", lines[0], lines[1], "", lines[2], "", "", lines[3] + ",one too many", lines[4], "") + "\r\n";
        inbox.Drop("blank-lines.csv", csv);

        var report = inbox.Load();

        var file = inbox.AssertOutcome(report, "blank-lines.csv", FileOutcome.Loaded, "2 row(s) rejected");
        Assert.Equal((4L, 2L), (file.RowsRead, file.RowsLoaded));
        Assert.Equal([2L, 8L], inbox.LoadedConsultationRows("blank-lines.csv"));
        Assert.Equal([(4L, "locality"), (7L, (string?)null)], inbox.Rejects("blank-lines.csv").Select(r => (r.Row!.Value, r.Column)).OrderBy(r => r.Item1));
    }

    [Fact]
    public void Millions_of_blank_lines_refuse_the_file_rather_than_fill_memory()
    {
        var csv = new ConsultationCsv().Add("C1").Build() + string.Concat(Enumerable.Repeat("\r\n", 1_100_000)) + "C2,CHILD-C2\r\n";
        inbox.Drop("blank-lines.csv", csv);

        var report = inbox.Load(TimeSpan.FromSeconds(30), maxPeakGrowthBytes: 256L << 20);

        inbox.AssertOutcome(report, "blank-lines.csv", FileOutcome.Rejected, "more than 1,000,000 blank lines");
    }

    /// <summary>The file was loaded or refused, went to the matching folder, and its outcome is recorded.</summary>
    private FileLoadResult NothingLost(LoadReport report, string name)
    {
        var file = MalformedInbox.Result(report, name);
        Assert.True(file.Outcome is FileOutcome.Loaded or FileOutcome.Rejected, $"'{name}' was {file.Outcome}: {file.Reason}");
        return inbox.AssertOutcome(report, name, file.Outcome);
    }
}
