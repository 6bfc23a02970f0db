using System.Text;
using Warehouse.Etl.Loading;
using Warehouse.Etl.Tests.Malformed.Support;
using Warehouse.Etl.Tests.Support;
using Xunit.Abstractions;

namespace Warehouse.Etl.Tests.Malformed;

/// <summary>
/// A single enormous value (a 50 MB free-text field, a paste gone wrong) in a CSV. The row that
/// holds it becomes a reject naming its row and column; the rows around it load with their own row
/// numbers; the value never reaches the warehouse; and the load stays quick and within memory.
/// DuckDB's reader, left alone, refused such a file outright on its dialect sniffing, and dropped a
/// long row further down the file without a trace (and numbered every later row one too low).
/// </summary>
[Trait("Category", "Reliability")]
[Collection(MalformedCorpus.Name)]
public sealed class OversizedFieldTests(ITestOutputHelper output) : IDisposable
{
    private const int FiftyMegabytes = 50 * 1024 * 1024;

    private readonly MalformedInbox inbox = new(output);

    public void Dispose() => inbox.Dispose();

    [Fact]
    public void A_50_MB_field_in_a_consultations_csv_rejects_only_its_row_naming_row_and_column()
    {
        var csv = new ConsultationCsv()
            .Add("C1")
            .Add("C2", r => r["team"] = new string('x', FiftyMegabytes))
            .Add("C3")
            .Build();
        inbox.Drop("front-door.csv", csv);
        inbox.DropGoodNeighbour();

        var report = inbox.Load(TimeSpan.FromSeconds(30), maxPeakGrowthBytes: 512L << 20);

        var file = inbox.AssertOutcome(report, "front-door.csv", FileOutcome.Loaded, "1 row(s) rejected");
        Assert.Equal((3L, 2L, 1L), (file.RowsRead, file.RowsLoaded, file.RowsRejected));
        Assert.Equal([2L, 4L], inbox.LoadedConsultationRows("front-door.csv"));
        var reject = Assert.Single(inbox.Rejects("front-door.csv"));
        Assert.Equal((3L, "team"), (reject.Row, reject.Column));
        Assert.Null(reject.Value);
        Assert.Contains("row 3 is 52,428,", reject.Reason, StringComparison.Ordinal);
        Assert.Contains("column 'team' holds 52,428,800 bytes", reject.Reason, StringComparison.Ordinal);
        Assert.True(inbox.Harness.Scalar<long>("SELECT max(length(team)) FROM fact.consultation") < 100, "the huge value reached the warehouse");
        inbox.AssertNeighbourLoaded(report);
    }

    [Fact]
    public void A_50_MB_quoted_field_spanning_a_million_lines_is_one_reject_and_later_rows_keep_their_numbers()
    {
        // A quoted value may hold line breaks; this one holds a million. It is still row 3, and the row
        // after it is row 4, as Excel shows them.
        var huge = string.Concat(Enumerable.Repeat("a line of notes, quoted\r\n", FiftyMegabytes / 25));
        var csv = new ConsultationCsv()
            .Add("C1")
            .Add("C2", r => r["team"] = huge)
            .Add("C3")
            .Add("C4", r => r["locality"] = "NOWHERE")
            .Build();
        inbox.Drop("notes.csv", csv);

        var report = inbox.Load(TimeSpan.FromSeconds(30), maxPeakGrowthBytes: 512L << 20);

        var file = inbox.AssertOutcome(report, "notes.csv", FileOutcome.Loaded);
        Assert.Equal(2, file.RowsRejected);
        Assert.Equal([2L, 4L], inbox.LoadedConsultationRows("notes.csv"));
        var rejects = inbox.Rejects("notes.csv");
        Assert.Equal([(3L, "team"), (5L, "locality")], rejects.Select(r => (r.Row!.Value, r.Column!)));
        Assert.Contains("more than the 2,000,000 bytes a row may have", rejects[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_50_MB_field_deep_in_an_annex_a_list_csv_is_a_reject_and_is_not_lost_silently()
    {
        // Beyond DuckDB's sniffing sample: before the pre-scan this row vanished without a reject.
        var text = new StringBuilder(AnnexACsv.List(3, [.. Enumerable.Range(1, 25_000).Select(i => ($"A{i}", "2026-03-02", "No"))]));
        text.Append("CHILD-LONG,b) Female,a) WBRI,2016-04-11,2026-03-03,q) 6: Police,No,").Append('w', FiftyMegabytes).Append("\r\n");
        text.Append("CHILD-AFTER,b) Female,a) WBRI,2016-04-11,2026-03-04,q) 6: Police,No,Ms Worker Name\r\n");
        inbox.Drop("list-3.csv", text.ToString());

        var report = inbox.Load(TimeSpan.FromSeconds(60), maxPeakGrowthBytes: 512L << 20);

        var file = inbox.AssertOutcome(report, "list-3.csv", FileOutcome.Loaded, "1 row(s) rejected");
        Assert.Equal((25_002L, 25_001L, 1L), (file.RowsRead, file.RowsLoaded, file.RowsRejected));
        var reject = Assert.Single(inbox.Rejects("list-3.csv"));
        Assert.Equal((25_002L, "Allocated Worker"), (reject.Row, reject.Column));
        Assert.Equal(25_003L, inbox.Harness.Scalar<long>("SELECT source_row FROM fact.annex_a_event WHERE event_date = DATE '2026-03-04'"));
    }

    [Fact]
    public void A_row_too_long_to_read_at_all_refuses_the_file_naming_the_row()
    {
        var csv = new ConsultationCsv()
            .Add("C1")
            .Add("C2", r => r["team"] = new string('x', 70 * 1024 * 1024))
            .Build();
        inbox.Drop("too-long.csv", csv);
        inbox.DropGoodNeighbour();

        var report = inbox.Load(TimeSpan.FromSeconds(30), maxPeakGrowthBytes: 512L << 20);

        inbox.AssertOutcome(report, "too-long.csv", FileOutcome.Rejected, "Row 3 is 73,400,", "cannot even be read");
        Assert.Equal(0, inbox.Harness.Scalar<long>("SELECT count(*) FROM fact.consultation WHERE consultation_id LIKE 'C%'"));
        inbox.AssertNeighbourLoaded(report);
    }
}
