using Warehouse.Etl.Loading;
using Warehouse.Etl.Tests.Support;

namespace Warehouse.Etl.Tests.Sources.Consultations;

public sealed class ConsultationLoaderTests : IDisposable
{
    private readonly LoadHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public void A_valid_file_loads_every_row_pseudonymised_with_birth_months()
    {
        var csv = new ConsultationCsv()
            .Add("C1")
            .Add("C2", r => { r["consultation_date"] = "03/10/2026"; r["decision_date"] = "05/10/2026"; r["date_of_birth"] = "28/02/2020"; r["recommended_level"] = "Early Support"; r["outcome"] = "early_support_assessment"; r["actual_level"] = ""; })
            .Add("C3", r => { r["consultation_date"] = "2026-10-03T14:05"; r["decision_date"] = "2026-10-03T16:30"; r["recommended_level"] = "Family Help – immediate protection"; r["outcome"] = "child_protection"; r["consent"] = "not_required"; r["indicators"] = "WAR-IP-01"; });
        harness.Drop("warwickshire", "front-door.csv", csv.Build());

        var report = harness.Load();

        var file = Assert.Single(report.Files);
        Assert.True(file.Outcome == FileOutcome.Loaded, file.Reason);
        Assert.True(3 == file.RowsLoaded, string.Join(" | ", harness.Rows("SELECT row_number, column_name, reason FROM ops.rejects").Select(r => string.Join(";", r))));
        Assert.Equal(0, harness.Scalar<long>("SELECT count(*) FROM ops.rejects"));
        Assert.Equal(harness.Keys.Pseudonym("CHILD-C1"), harness.Scalar<string>("SELECT child_key FROM fact.consultation WHERE consultation_id = 'C1'"));
        Assert.Equal(new DateTime(2020, 2, 1), harness.Scalar<DateTime>("SELECT birth_month FROM fact.consultation WHERE consultation_id = 'C2'"));
        Assert.Equal(new DateTime(2026, 10, 3), harness.Scalar<DateTime>("SELECT consultation_date FROM fact.consultation WHERE consultation_id = 'C2'"));
        Assert.Equal(4, harness.Scalar<int>("SELECT recommended_level FROM fact.consultation WHERE consultation_id = 'C3'"));
        Assert.Equal("10-15", harness.Scalar<string>("SELECT age_band FROM fact.consultation WHERE consultation_id = 'C1'"));
        Assert.Equal("2A", harness.Scalar<string>("SELECT contact_source FROM fact.consultation WHERE consultation_id = 'C1'"));
        Assert.True(harness.Scalar<bool>("SELECT contact_source_derived FROM fact.consultation WHERE consultation_id = 'C1'"));
        Assert.True(File.Exists(Path.Combine(harness.Inbox, "warwickshire", "processed", "front-door.csv")));
    }

    [Fact]
    public void Every_broken_rule_is_a_reject_with_row_column_and_an_actionable_reason()
    {
        var csv = new ConsultationCsv()
            .Add("OK1")
            .Add("BADDATE", r => r["consultation_date"] = "31/02/2026")
            .Add("US", r => r["consultation_date"] = "10/31/2026")
            .Add("FUTURE", r => r["consultation_date"] = "2027-01-01")
            .Add("OLD", r => r["consultation_date"] = "1999-12-31")
            .Add("LOC", r => r["locality"] = "BRO")
            .Add("AGENCY", r => r["caller_agency"] = "NOT_AN_AGENCY")
            .Add("OUTCOME", r => r["outcome"] = "section_47")
            .Add("CONSENT", r => r["consent"] = "not_required")
            .Add("LEVEL", r => r["recommended_level"] = "Targeted support")
            .Add("IND", r => r["indicators"] = "WAR-IP-01;NOT-A-CODE")
            .Add("SCORE", r => r["likelihood"] = "11")
            .Add("DEC", r => r["decision_date"] = "2026-09-01")
            .Add("DUP").Add("DUP")
            .Add("", r => r["child_id"] = "SECRET-CHILD-ID-0001")
            .Add("NOCHILD", r => r["child_id"] = " ");
        harness.Drop("warwickshire", "mixed.csv", csv.Build());

        var report = harness.Load();

        Assert.Equal(FileOutcome.Loaded, Assert.Single(report.Files).Outcome);
        Assert.Equal(1, harness.Scalar<long>("SELECT count(*) FROM fact.consultation"));
        var rejects = harness.Rows("SELECT row_number, column_name, value, reason FROM ops.rejects ORDER BY row_number, column_name");
        string Reason(long row, string column) => (string)rejects.Single(r => (long)r[0]! == row && (string)r[1]! == column)[3]!;
        Assert.Contains("'31/02/2026' is not a date", Reason(3, "consultation_date"), StringComparison.Ordinal);
        Assert.Contains("'10/31/2026' is not a date", Reason(4, "consultation_date"), StringComparison.Ordinal);
        Assert.Contains("in the future", Reason(5, "consultation_date"), StringComparison.Ordinal);
        Assert.Contains("before 2000-01-01", Reason(6, "consultation_date"), StringComparison.Ordinal);
        Assert.Contains("'BRO' is not a locality of warwickshire", Reason(7, "locality"), StringComparison.Ordinal);
        Assert.Contains("NWA, NUN, RUG, STR, WAR".Split(", ")[0], Reason(7, "locality"), StringComparison.Ordinal);
        Assert.Contains("not an agency code", Reason(8, "caller_agency"), StringComparison.Ordinal);
        Assert.Contains("'section_47' is not an outcome code", Reason(9, "outcome"), StringComparison.Ordinal);
        Assert.Contains("valid only with a child-protection outcome", Reason(10, "consent"), StringComparison.Ordinal);
        Assert.Contains("'Targeted support' is not a level", Reason(11, "recommended_level"), StringComparison.Ordinal);
        Assert.Contains("'NOT-A-CODE' is not an indicator code", Reason(12, "indicators"), StringComparison.Ordinal);
        Assert.Contains("0 to 10", Reason(13, "likelihood"), StringComparison.Ordinal);
        Assert.Contains("before consultation_date", Reason(14, "decision_date"), StringComparison.Ordinal);
        Assert.Contains("appears 2 times", Reason(15, "consultation_id"), StringComparison.Ordinal);
        Assert.Contains("appears 2 times", Reason(16, "consultation_id"), StringComparison.Ordinal);
        Assert.Contains("consultation_id is blank", Reason(17, "consultation_id"), StringComparison.Ordinal);
        Assert.Contains("child_id is blank", Reason(18, "child_id"), StringComparison.Ordinal);
        Assert.DoesNotContain(rejects, r => r.Any(v => v is string s && s.Contains("SECRET-CHILD", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_same_bytes_twice_change_nothing_and_say_so()
    {
        var content = new ConsultationCsv().Add("C1").Add("C2").Build();
        harness.Drop("warwickshire", "a.csv", content);
        harness.Load();
        harness.Drop("warwickshire", "a-again.csv", content);

        var second = harness.Load();

        var file = Assert.Single(second.Files);
        Assert.Equal(FileOutcome.Duplicate, file.Outcome);
        Assert.Contains("the same bytes were loaded", file.Reason, StringComparison.Ordinal);
        Assert.False(second.BroughtNewData);
        Assert.Equal(2, harness.Scalar<long>("SELECT count(*) FROM fact.consultation"));
    }

    [Fact]
    public void A_consultation_in_a_later_file_replaces_the_earlier_version()
    {
        harness.Drop("warwickshire", "1.csv", new ConsultationCsv().Add("C1", r => { r["locality"] = "RUG"; r["indicators"] = "WAR-IP-01"; r["outcome"] = "child_protection"; r["consent"] = ""; }).Build());
        harness.Load();
        harness.Drop("warwickshire", "2.csv", new ConsultationCsv().Add("C1", r => r["locality"] = "WAR").Build());
        harness.Load();

        Assert.Equal(1, harness.Scalar<long>("SELECT count(*) FROM fact.consultation"));
        Assert.Equal("WAR", harness.Scalar<string>("SELECT locality FROM fact.consultation"));
        Assert.Equal(0, harness.Scalar<long>("SELECT count(*) FROM fact.consultation_indicator"));
    }

    [Fact]
    public void Values_with_spaces_or_no_break_spaces_around_them_are_trimmed_and_a_code_named_twice_counts_once()
    {
        harness.Drop("warwickshire", "spaced.csv", new ConsultationCsv()
            .Add("C1", r => { r["locality"] = " RUG\u00A0"; r["caller_agency"] = "SCHOOL "; r["indicators"] = "WAR-IP-01; WAR-IP-01 ;"; r["outcome"] = "child_protection"; r["consent"] = ""; })
            .Build());

        var file = Assert.Single(harness.Load().Files);

        Assert.True(file.Outcome == FileOutcome.Loaded, file.Reason);
        Assert.Equal("RUG", harness.Scalar<string>("SELECT locality FROM fact.consultation"));
        Assert.Equal("SCHOOL", harness.Scalar<string>("SELECT caller_agency FROM fact.consultation"));
        Assert.Equal("WAR-IP-01", harness.Scalar<string>("SELECT string_agg(indicator_code, ',') FROM fact.consultation_indicator"));
        Assert.Equal(4, harness.Scalar<int>("SELECT indicated_level FROM fact.consultation"));
    }

    [Fact]
    public void In_a_file_without_spaces_around_values_a_code_named_twice_still_counts_once()
    {
        harness.Drop("warwickshire", "tight.csv", new ConsultationCsv()
            .Add("C1", r => { r["indicators"] = "WAR-IP-01;WAR-IP-01"; r["outcome"] = "child_protection"; r["consent"] = ""; r["team"] = ""; })
            .Add("C2", r => { r["indicators"] = "WAR-IP-01"; r["outcome"] = "child_protection"; r["consent"] = ""; r["team"] = ""; })
            .Build());

        var file = Assert.Single(harness.Load().Files);

        Assert.True(file.Outcome == FileOutcome.Loaded, file.Reason);
        Assert.Equal(2, harness.Scalar<long>("SELECT count(*) FROM fact.consultation_indicator"));
        Assert.Equal(2, harness.Scalar<long>("SELECT count(DISTINCT consultation_id) FROM fact.consultation_indicator"));
    }

    [Fact]
    public void A_header_without_a_required_column_refuses_the_file()
    {
        var header = ConsultationCsv.Header.Where(h => h != "outcome").ToList();
        harness.Drop("warwickshire", "no-outcome.csv", new ConsultationCsv().Add("C1").Build(header));

        var file = Assert.Single(harness.Load().Files);

        Assert.Equal(FileOutcome.Rejected, file.Outcome);
        Assert.Contains("outcome", file.Reason, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(harness.Inbox, "warwickshire", "rejected", "no-outcome.csv")));
        Assert.Equal(0, harness.Scalar<long>("SELECT count(*) FROM fact.consultation"));
    }

    [Fact]
    public void Headers_match_in_any_order_and_case_and_unknown_columns_are_reported_once()
    {
        var header = ConsultationCsv.Header.Reverse().Select(h => " " + h.ToUpperInvariant() + " ").Append("Extra Column").ToList();
        var plain = ConsultationCsv.Header.Reverse().Append("extra").ToList();
        var csv = new ConsultationCsv().Add("C1").Add("C2").Build(plain);
        // The same columns, decorated: spaces around, upper case, and one unknown column.
        var lines = csv.Split("\r\n");
        lines[0] = string.Join(',', header);
        harness.Drop("warwickshire", "shuffled.csv", string.Join("\r\n", lines));

        var file = Assert.Single(harness.Load().Files);

        Assert.Equal(FileOutcome.Loaded, file.Outcome);
        Assert.Equal(2, file.RowsLoaded);
        Assert.Equal(1, harness.Scalar<long>("SELECT count(*) FROM ops.data_quality_warnings WHERE column_name = 'Extra Column'"));
    }

    [Fact]
    public void A_header_with_no_rows_is_refused()
    {
        harness.Drop("warwickshire", "empty.csv", string.Join(',', ConsultationCsv.Header) + "\r\n");
        var file = Assert.Single(harness.Load().Files);
        Assert.Equal(FileOutcome.Rejected, file.Outcome);
        Assert.Contains("no rows", file.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void More_than_half_rejects_refuses_the_file_but_keeps_the_rejects()
    {
        var csv = new ConsultationCsv();
        for (var i = 0; i < 30; i++) csv.Add("C" + i, r => r["locality"] = i < 16 ? "NOWHERE" : "RUG");
        harness.Drop("warwickshire", "mostly-bad.csv", csv.Build());

        var file = Assert.Single(harness.Load().Files);

        Assert.Equal(FileOutcome.Rejected, file.Outcome);
        Assert.Contains("16 of 30", file.Reason, StringComparison.Ordinal);
        Assert.Equal(0, harness.Scalar<long>("SELECT count(*) FROM fact.consultation"));
        Assert.Equal(16, harness.Scalar<long>("SELECT count(*) FROM ops.rejects"));
    }

    [Fact]
    public void Rows_the_csv_reader_cannot_read_are_rejects_with_their_excel_row_numbers()
    {
        var csv = new ConsultationCsv().Add("C1").Add("C2").Add("C3").Build();
        var lines = csv.Split("\r\n").ToList();
        lines[2] += ",one too many";           // row 3
        var text = string.Join("\r\n", lines);
        harness.Drop("warwickshire", "ragged.csv", text);

        var file = Assert.Single(harness.Load().Files);

        Assert.Equal(2, file.RowsLoaded);
        var reject = Assert.Single(harness.Rows("SELECT row_number, value, reason FROM ops.rejects"));
        Assert.Equal(3L, reject[0]);
        Assert.Null(reject[1]);
        Assert.Contains("more fields than the header", (string)reject[2]!, StringComparison.Ordinal);
        Assert.Equal(new[] { 2L, 4L }, harness.Rows("SELECT source_row FROM fact.consultation ORDER BY 1").Select(r => (long)r[0]!));
    }

    [Fact]
    public void A_utf8_bom_is_accepted()
    {
        harness.Drop("warwickshire", "bom.csv", "\uFEFF" + new ConsultationCsv().Add("C1").Build());
        Assert.Equal(1, Assert.Single(harness.Load().Files).RowsLoaded);
    }
}
