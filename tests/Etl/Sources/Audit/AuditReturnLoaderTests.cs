using System.Globalization;
using Warehouse.Etl.Loading;
using Warehouse.Etl.Sources.Audit;
using Warehouse.Etl.Tests.Support;

namespace Warehouse.Etl.Tests.Sources.Audit;

public sealed class AuditReturnLoaderTests : IDisposable
{
    private const string Partnership = "warwickshire";
    private static readonly DateOnly Judged = new(2026, 11, 5);

    private readonly LoadHarness harness = new();

    public AuditReturnLoaderTests()
    {
        var csv = new ConsultationCsv();
        foreach (var id in new[] { "W1", "W2", "W3", "W4", "W5", "W6" })
        {
            csv.Add(id);
        }

        harness.Drop(Partnership, "consultations.csv", csv.Build());
        var report = harness.Load();
        Assert.Equal(6, Assert.Single(report.Files).RowsLoaded);

        // Audit A: W1–W4 to QA1 (W1 moderated by QA2), W5–W6 to QA2. Audit B: W1–W2 to QA1.
        Sample("audit-A", ("W1", "QA1", false), ("W1", "QA2", true), ("W2", "QA1", false), ("W3", "QA1", false), ("W4", "QA1", false), ("W5", "QA2", false), ("W6", "QA2", false));
        Sample("audit-B", ("W1", "QA1", false), ("W2", "QA1", false));
    }

    public void Dispose() => harness.Dispose();

    private void Sample(string auditId, params (string Consultation, string Auditor, bool Moderation)[] cases)
    {
        harness.Connection.Execute($"INSERT INTO fact.audit_sample VALUES ('{auditId}', '{Partnership}', DATE '2026-09-01', 1, {cases.Length}, '{{}}', TIMESTAMPTZ '2026-11-01 09:00:00+00', false, DATE '2026-11-01')");
        int number = 0;
        foreach (var (consultation, auditor, moderation) in cases)
        {
            harness.Connection.Execute(string.Create(CultureInfo.InvariantCulture,
                $"INSERT INTO fact.audit_sample_case VALUES ('{auditId}', '{Partnership}', '{consultation}', {++number}, 'RUG/agreed', 0.5, '{auditor}', {(moderation ? "true" : "false")}, 3, 3, 'recorded')"));
        }
    }

    private string Drop(AuditReturnWorkbook workbook, string name, string partnership = Partnership)
    {
        var folder = Path.Combine(harness.Inbox, partnership);
        Directory.CreateDirectory(folder);
        return workbook.Save(Path.Combine(folder, name));
    }

    private Dictionary<string, int> Judgements(string auditId, string auditor) =>
        harness.Rows("SELECT consultation_id, auditor_level FROM fact.audit_judgement WHERE audit_id = $1 AND auditor_ref = $2", auditId, auditor)
            .ToDictionary(r => (string)r[0]!, r => Convert.ToInt32(r[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);

    [Fact]
    public void The_inbox_loads_a_completed_workbook_linking_each_judgement_to_its_consultation()
    {
        Drop(new AuditReturnWorkbook()
            .Case(1, "W1", "Family Help", "POLICE", Judged, "QA1", "audit-A")
            .Case(2, "W2", 4, "School", Judged.ToDateTime(TimeOnly.MinValue).ToOADate(), "QA1", "audit-A")
            .Case(3, "W3", "early_support", "Nowhere Agency", "06/11/2026", "QA1", "audit-A")
            .Case(4, "W4", null, null, null, "QA1", "audit-A", rationale: ""), "qa1.xlsx");

        var report = harness.Load();

        var file = Assert.Single(report.Files);
        Assert.True(file.Outcome == FileOutcome.Loaded, file.Reason);
        Assert.Equal("audit_return", file.Kind);
        Assert.Equal(4, file.RowsRead);
        Assert.Equal(3, file.RowsLoaded);
        Assert.Equal(0, file.RowsRejected);
        Assert.Contains("1 case(s) not yet judged", file.Reason, StringComparison.Ordinal);
        Assert.Equal(new Dictionary<string, int> { ["W1"] = 3, ["W2"] = 4, ["W3"] = 2 }, Judgements("audit-A", "QA1"));
        var rows = harness.Rows("SELECT consultation_id, partnership, auditor_agency, audit_date FROM fact.audit_judgement ORDER BY consultation_id");
        Assert.Equal([Partnership, Partnership, Partnership], rows.Select(r => (string)r[1]!));
        Assert.Equal(["POLICE", "SCHOOL", null], rows.Select(r => (string?)r[2]));
        Assert.Equal([Judged, Judged, new DateOnly(2026, 11, 6)], rows.Select(r => DateOnly.FromDateTime((DateTime)r[3]!)));
        Assert.Equal(1, harness.Scalar<long>("SELECT count(*) FROM ops.data_quality_warnings WHERE sheet = 'Audit' AND row_number = 7 AND column_name = 'Auditor''s agency'"));
        Assert.True(File.Exists(Path.Combine(harness.Inbox, Partnership, "processed", "qa1.xlsx")));
    }

    [Fact]
    public void A_rejected_row_names_its_sheet_row_column_and_reason()
    {
        Drop(new AuditReturnWorkbook()
            .Case(1, "W1", "Family Help", "POLICE", Judged, "QA1", "audit-A")      // row 5: loads
            .Case(2, "W99", "Family Help", "POLICE", Judged, "QA1", "audit-A")     // row 6: unknown consultation
            .Case(3, "W2", "Level 5", "POLICE", Judged, "QA1", "audit-A")          // row 7: not a level
            .Case(4, "W3", "Targeted", "POLICE", Judged, "QA1", "audit-A")         // row 8: not a level of this framework
            .Case(5, "W4", "Universal", "POLICE", null, "QA1", "audit-A")          // row 9: no audit date
            .Case(6, "W4", "Universal", "POLICE", new DateOnly(2027, 1, 4), "QA2", "audit-A") // row 10: future date; W4 is not QA2's
            .Case(7, "W5", "Universal", "POLICE", Judged, "QA1", "audit-A")        // row 11: W5 is QA2's case
            .Case(8, "W3", "Universal", "POLICE", Judged, "QA3", "audit-A")        // row 12: not an auditor of the audit
            .Case(9, "W1", "Universal", "POLICE", Judged, "QA1", "audit-Z"),       // row 13: no such audit
            "qa1.xlsx");

        var file = Assert.Single(harness.Load().Files);

        Assert.True(file.Outcome == FileOutcome.Loaded, file.Reason);
        Assert.Equal(1, file.RowsLoaded);
        Assert.Equal(8, file.RowsRejected);
        var rejects = harness.Rows("SELECT sheet, row_number, column_name, value, reason FROM ops.rejects ORDER BY row_number, column_name");
        Assert.All(rejects, r => Assert.Equal("Audit", r[0]));
        string Reason(long row, string column) => (string)rejects.Single(r => (long)r[1]! == row && (string)r[2]! == column)[4]!;
        Assert.Contains("consultation 'W99' is not in the warehouse", Reason(6, "Consultation id"), StringComparison.Ordinal);
        Assert.Contains("not a level of the warwickshire framework", Reason(7, "Auditor's level"), StringComparison.Ordinal);
        Assert.Contains("'Targeted'", Reason(8, "Auditor's level"), StringComparison.Ordinal);
        Assert.Contains("audit date is blank", Reason(9, "Audit date"), StringComparison.Ordinal);
        Assert.Contains("in the future", Reason(10, "Audit date"), StringComparison.Ordinal);
        Assert.Contains("not one of the cases audit audit-A gave to auditor QA2", Reason(10, "Consultation id"), StringComparison.Ordinal);
        Assert.Contains("not one of the cases audit audit-A gave to auditor QA1", Reason(11, "Consultation id"), StringComparison.Ordinal);
        Assert.Contains("'QA3' is not one of the auditors of audit audit-A", Reason(12, "Auditor reference"), StringComparison.Ordinal);
        Assert.Contains("audit 'audit-Z' is not an audit sample", Reason(13, "Audit id"), StringComparison.Ordinal);
        Assert.Equal("W99", rejects.Single(r => (long)r[1]! == 6)[3]);
        Assert.Equal(new Dictionary<string, int> { ["W1"] = 3 }, Judgements("audit-A", "QA1"));
    }

    [Fact]
    public void The_same_case_twice_for_one_auditor_rejects_every_copy()
    {
        Drop(new AuditReturnWorkbook()
            .Case(1, "W1", "Family Help", "POLICE", Judged, "QA1", "audit-A")
            .Case(2, "W2", "Universal", "POLICE", Judged, "QA1", "audit-A")
            .Case(3, "W2", "Early Support", "POLICE", Judged, "QA1", "audit-A"), "qa1.xlsx");

        var file = Assert.Single(harness.Load().Files);

        Assert.Equal(1, file.RowsLoaded);
        Assert.Equal([6L, 7L], harness.Rows("SELECT row_number FROM ops.rejects ORDER BY row_number").Select(r => (long)r[0]!));
        Assert.Equal(new Dictionary<string, int> { ["W1"] = 3 }, Judgements("audit-A", "QA1"));
    }

    [Fact]
    public void Reloading_replaces_the_judgements_of_the_same_audit_and_auditor_only()
    {
        Drop(new AuditReturnWorkbook()
            .Case(1, "W1", "Family Help", "POLICE", Judged, "QA1", "audit-A")
            .Case(2, "W2", "Immediate protection", "POLICE", Judged, "QA1", "audit-A"), "qa1-a.xlsx");
        Drop(new AuditReturnWorkbook()
            .Case(1, "W1", "Early Support", "GP", Judged, "QA2", "audit-A")
            .Case(5, "W5", "Universal", "GP", Judged, "QA2", "audit-A"), "qa2-a.xlsx");
        Drop(new AuditReturnWorkbook()
            .Case(1, "W1", "Universal", "POLICE", Judged, "QA1", "audit-B"), "qa1-b.xlsx");
        Assert.All(harness.Load().Files, f => Assert.Equal(FileOutcome.Loaded, f.Outcome));

        Drop(new AuditReturnWorkbook()
            .Case(1, "W1", "Universal", "POLICE", Judged, "QA1", "audit-A")
            .Case(2, "W2", null, null, null, "QA1", "audit-A")
            .Case(3, "W3", "Family Help", "POLICE", Judged, "QA1", "audit-A"), "qa1-a-corrected.xlsx");
        var file = Assert.Single(harness.Load().Files);

        Assert.Equal(FileOutcome.Loaded, file.Outcome);
        Assert.Equal(new Dictionary<string, int> { ["W1"] = 1, ["W3"] = 3 }, Judgements("audit-A", "QA1"));
        Assert.Equal(new Dictionary<string, int> { ["W1"] = 2, ["W5"] = 1 }, Judgements("audit-A", "QA2"));
        Assert.Equal(new Dictionary<string, int> { ["W1"] = 1 }, Judgements("audit-B", "QA1"));
        Assert.Equal(5, harness.Scalar<long>("SELECT count(*) FROM fact.audit_judgement"));
    }

    [Fact]
    public void The_rationale_is_never_stored()
    {
        const string rationale = "Mother disclosed that the stepfather hit the child with a belt";
        Drop(new AuditReturnWorkbook()
            .Case(1, "W1", "Family Help", "POLICE", Judged, "QA1", "audit-A", rationale)
            .Case(2, "W99", "Family Help", "POLICE", Judged, "QA1", "audit-A", rationale), "qa1.xlsx");

        Assert.Equal(FileOutcome.Loaded, Assert.Single(harness.Load().Files).Outcome);

        Assert.Equal(1, harness.Scalar<long>("SELECT count(*) FROM ops.rejects"));
        Assert.Empty(IdentifierScan.TextColumnsContaining(harness.Connection, [rationale, "stepfather"]));
        harness.Close();
        var files = Directory.GetFiles(Path.GetDirectoryName(harness.WarehousePath)!);
        Assert.Empty(IdentifierScan.FilesContaining(files, ["stepfather"]));
        harness.Reopen();
    }

    [Fact]
    public void A_return_for_another_partnerships_audit_is_refused_whole()
    {
        Drop(new AuditReturnWorkbook().Case(1, "W1", "Level 2", "POLICE", Judged, "QA1", "audit-A"), "wrong-folder.xlsx", "worcestershire");

        var file = Assert.Single(harness.Load().Files);

        Assert.Equal(FileOutcome.Rejected, file.Outcome);
        Assert.Contains("partnership 'warwickshire', not 'worcestershire'", file.Reason, StringComparison.Ordinal);
        Assert.Equal(0, harness.Scalar<long>("SELECT count(*) FROM fact.audit_judgement"));
        Assert.True(File.Exists(Path.Combine(harness.Inbox, "worcestershire", "rejected", "wrong-folder.xlsx")));
    }

    [Fact]
    public void A_return_with_nothing_judged_is_refused_and_earlier_judgements_are_kept()
    {
        Drop(new AuditReturnWorkbook().Case(1, "W1", "Family Help", "POLICE", Judged, "QA1", "audit-A"), "first.xlsx");
        harness.Load();

        Drop(new AuditReturnWorkbook().Case(1, "W1", null, null, null, "QA1", "audit-A").Case(2, "W2", null, null, null, "QA1", "audit-A"), "blank.xlsx");
        var file = Assert.Single(harness.Load().Files);

        Assert.Equal(FileOutcome.Rejected, file.Outcome);
        Assert.Contains("none judged", file.Reason, StringComparison.Ordinal);
        Assert.Equal(new Dictionary<string, int> { ["W1"] = 3 }, Judgements("audit-A", "QA1"));
    }

    [Fact]
    public void A_return_mostly_rejects_is_refused_whole_with_its_rejects_kept()
    {
        Drop(new AuditReturnWorkbook().Case(1, "W1", "Family Help", "POLICE", Judged, "QA1", "audit-A"), "first.xlsx");
        harness.Load();

        var workbook = new AuditReturnWorkbook().Case(1, "W1", "Universal", "POLICE", Judged, "QA1", "audit-A");
        for (int i = 0; i < 24; i++)
        {
            workbook.Case(i + 2, "W1", "Level 9", "POLICE", Judged, "QA1", "audit-A");
        }

        Drop(workbook, "broken.xlsx");
        var file = Assert.Single(harness.Load().Files);

        Assert.Equal(FileOutcome.Rejected, file.Outcome);
        Assert.Contains("are rejects", file.Reason, StringComparison.Ordinal);
        Assert.Equal(24, harness.Scalar<long>("SELECT count(*) FROM ops.rejects"));
        Assert.Equal(new Dictionary<string, int> { ["W1"] = 3 }, Judgements("audit-A", "QA1"));
    }

    [Fact]
    public void A_header_without_a_required_column_refuses_the_file_naming_it()
    {
        Drop(new AuditReturnWorkbook(["Case", "Consultation id", "Auditor's level", "Auditor reference", "Audit id"])
            .Add(1, "W1", "Family Help", "QA1", "audit-A"), "no-date.xlsx");

        var file = Assert.Single(harness.Load().Files);

        Assert.Equal(FileOutcome.Rejected, file.Outcome);
        Assert.Contains("'Audit date'", file.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_loads_a_return_from_anywhere_once_and_says_so_the_second_time()
    {
        var path = new AuditReturnWorkbook().Case(1, "W1", "Family Help", "POLICE", Judged, "QA1", "audit-A").Save(Path.Combine(harness.Folder, "returned.xlsx"));

        var first = AuditReturnImport.Import(harness.Connection, LoadHarness.Frameworks, path, harness.Clock);
        var second = AuditReturnImport.Import(harness.Connection, LoadHarness.Frameworks, path, harness.Clock);

        Assert.Equal(FileOutcome.Loaded, first.Outcome);
        Assert.Equal(Partnership, first.Partnership);
        Assert.Equal(FileOutcome.Duplicate, second.Outcome);
        Assert.Equal(new Dictionary<string, int> { ["W1"] = 3 }, Judgements("audit-A", "QA1"));
        Assert.True(File.Exists(path));
        Assert.Equal(2, harness.Scalar<long>("SELECT count(*) FROM ops.loaded_files WHERE file_name = 'returned.xlsx'"));
    }

    [Fact]
    public void Import_refuses_a_file_that_is_not_an_audit_workbook()
    {
        var path = Path.Combine(harness.Folder, "notes.csv");
        File.WriteAllText(path, "a,b\n1,2\n");

        var result = AuditReturnImport.Import(harness.Connection, LoadHarness.Frameworks, path, harness.Clock);

        Assert.Equal(FileOutcome.Unrecognised, result.Outcome);
        Assert.Equal(0, harness.Scalar<long>("SELECT count(*) FROM fact.audit_judgement"));
    }
}
