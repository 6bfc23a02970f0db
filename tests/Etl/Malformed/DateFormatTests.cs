using Warehouse.Etl.Loading;
using Warehouse.Etl.Tests.Malformed.Support;
using Warehouse.Etl.Tests.Support;
using Xunit.Abstractions;

namespace Warehouse.Etl.Tests.Malformed;

/// <summary>
/// Dates as CONTRACT.md allows them – ISO 8601 dates and date-times, UK dd/mm/yyyy (never US order),
/// and in workbooks Excel serial numbers – load to the right day; impossible, ambiguous-in-US-order
/// and unsupported spellings are rejects by row naming the column and the value. ConsultationLoaderTests
/// already covers 31/02/2026 and 10/31/2026 in a consultations file.
/// </summary>
[Trait("Category", "Reliability")]
[Collection(MalformedCorpus.Name)]
public sealed class DateFormatTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string[] List1Header =
        [Cell.Text("Child Unique ID"), Cell.Text("Gender"), Cell.Text("Ethnicity"), Cell.Text("Date of Birth"), Cell.Text("Date of Contact"), Cell.Text("Contact Source")];

    private readonly MalformedInbox inbox = new(output);

    public void Dispose() => inbox.Dispose();

    [Fact]
    public void Consultation_dates_in_every_allowed_format_load_to_the_right_day_and_time()
    {
        (string Id, string Written, DateTime Read)[] valid =
        [
            ("ISO", "2026-10-03", new DateTime(2026, 10, 3)),
            ("ISO-T", "2026-10-03T14:05", new DateTime(2026, 10, 3, 14, 5, 0)),
            ("ISO-SPACE-SECONDS", "2026-10-03 14:05:30", new DateTime(2026, 10, 3, 14, 5, 30)),
            ("UK", "03/10/2026", new DateTime(2026, 10, 3)),
            ("UK-TIME", "03/10/2026 14:05", new DateTime(2026, 10, 3, 14, 5, 0)),
            // Day first, always: 04/03 is 4 March, never 3 April.
            ("UK-AMBIGUOUS", "04/03/2026", new DateTime(2026, 3, 4)),
        ];
        var csv = new ConsultationCsv();
        foreach (var (id, written, _) in valid) csv.Add(id, r => { r["consultation_date"] = written; r["decision_date"] = ""; });
        inbox.Drop("dates.csv", csv.Build());

        var report = inbox.Load();

        inbox.AssertOutcome(report, "dates.csv", FileOutcome.Loaded);
        Assert.Empty(inbox.Rejects("dates.csv"));
        foreach (var (id, _, read) in valid)
        {
            Assert.Equal(read, inbox.Harness.Scalar<DateTime>("SELECT consultation_at FROM fact.consultation WHERE consultation_id = $1", id));
        }
    }

    [Fact]
    public void Impossible_or_unsupported_consultation_dates_are_rejects_naming_column_and_value()
    {
        (string Id, string Column, string Written)[] invalid =
        [
            ("MONTH-13", "consultation_date", "2026-13-01"),
            ("NOT-LEAP-ISO", "consultation_date", "2026-02-29"),
            ("NOT-LEAP-UK", "consultation_date", "29/02/2025"),
            ("SLASHED-ISO", "consultation_date", "2026/10/03"),
            ("SERIAL", "consultation_date", "46298"),
            ("WORDS", "consultation_date", "3 Oct 2026"),
            ("HOUR-25", "consultation_date", "2026-10-03T25:00"),
            ("DECISION-DAY-32", "decision_date", "32/10/2026"),
            ("TWO-DIGIT-YEAR", "consultation_date", "03/10/26"),
        ];
        var csv = new ConsultationCsv().Add("OK");
        foreach (var (id, column, written) in invalid) csv.Add(id, r => r[column] = written);
        inbox.Drop("bad-dates.csv", csv.Build());

        var report = inbox.Load();

        var file = inbox.AssertOutcome(report, "bad-dates.csv", FileOutcome.Loaded, $"{invalid.Length} row(s) rejected");
        Assert.Equal(1, file.RowsLoaded);
        var rejects = inbox.Rejects("bad-dates.csv");
        for (var i = 0; i < invalid.Length; i++)
        {
            var (_, column, written) = invalid[i];
            var reject = Assert.Single(rejects, r => r.Row == i + 3);
            Assert.Equal((column, written), (reject.Column, reject.Value));
            Assert.Contains($"{column} '{written}' is not a date", reject.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Annex_a_dates_load_from_serials_iso_uk_and_date_times_and_the_rest_are_rejects_by_row()
    {
        (string Cell, DateTime? Read)[] dates =
        [
            (Cell.Date(46027), new DateTime(2026, 1, 5)),                 // a date cell: serial in a date format
            (Cell.Number(46028), new DateTime(2026, 1, 6)),               // a bare serial number
            (Cell.Date(46029.75), new DateTime(2026, 1, 7)),              // a date-time cell (18:00)
            (Cell.Text("2026-01-08"), new DateTime(2026, 1, 8)),
            (Cell.Text("09/01/2026"), new DateTime(2026, 1, 9)),
            (Cell.Text("2026-01-10T10:30:00"), new DateTime(2026, 1, 10)),
            (Cell.Text("11-01-2026"), new DateTime(2026, 1, 11)),
            (Cell.Text("2026-01-12T09:15"), new DateTime(2026, 1, 12)),
            (Cell.Text("2026-13-01"), null),
            (Cell.Text("31/02/2026"), null),
            (Cell.Text("01/31/2026"), null),                              // US order
            (Cell.Text("Jan 5 2026"), null),
            (Cell.Date(0), null),                                         // Excel's day zero: a 0 formatted as a date
            (Cell.Text("2062-01-05"), null),                              // a typed year in the future
            (Cell.Text("05/01/26"), null),                                // a two-digit year
        ];
        var rows = dates.Select((d, i) => new[] { Cell.Text($"CHILD-D{i}"), Cell.Text("a) Male"), Cell.Text("a) WBRI"), Cell.Date(42471), d.Cell, Cell.Text("6") });
        var path = new TestWorkbook().Sheet("List 1", [List1Header, .. rows]).Save(Path.Combine(inbox.Scratch, "dates.xlsx"));
        inbox.DropFile("dates.xlsx", path);

        var report = inbox.Load();

        var expectedRejects = dates.Count(d => d.Read is null);
        var file = inbox.AssertOutcome(report, "dates.xlsx", FileOutcome.Loaded, $"{expectedRejects} row(s) rejected");
        Assert.Equal(dates.Length - expectedRejects, file.RowsLoaded);
        var rejects = inbox.Rejects("dates.xlsx");
        for (var i = 0; i < dates.Length; i++)
        {
            var row = i + 2L;
            if (dates[i].Read is { } read)
            {
                Assert.Equal(read, inbox.Harness.Scalar<DateTime>("SELECT event_date FROM fact.annex_a_event WHERE source_row = $1", row));
                continue;
            }
            var reject = Assert.Single(rejects, r => r.Row == row);
            Assert.Equal(("List 1", "Date of Contact"), (reject.Sheet, reject.Column));
            Assert.StartsWith("Date of Contact ", reject.Reason, StringComparison.Ordinal);
        }
        string Reason(long row) => Assert.Single(rejects, r => r.Row == row).Reason;
        Assert.Contains("'2026-13-01' is not a date", Reason(10), StringComparison.Ordinal);
        Assert.Contains("never month first", Reason(12), StringComparison.Ordinal);
        Assert.Contains("'1899-12-30' is 1899-12-30, before 1900: Excel's day zero", Reason(14), StringComparison.Ordinal);
        Assert.Contains("2062-01-05 is in the future", Reason(15), StringComparison.Ordinal);
        Assert.Contains("'05/01/26' is 0026-01-05, before 1900", Reason(16), StringComparison.Ordinal);
        Assert.Contains("two-digit year", Reason(16), StringComparison.Ordinal);
        // The return's coverage is the span of the dates that loaded, not stretched to 1899 or 2062.
        Assert.Equal([new DateTime(2026, 1, 5), new DateTime(2026, 1, 12)],
            inbox.Harness.Rows("SELECT coverage_start, coverage_end FROM ops.annex_a_returns").Single().Cast<DateTime>());
    }
}
