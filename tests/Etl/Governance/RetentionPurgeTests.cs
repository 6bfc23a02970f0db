using System.Text;
using Warehouse.Etl.Governance;
using Warehouse.Etl.Tests.Support;
using Xunit.Abstractions;

namespace Warehouse.Etl.Tests.Governance;

public sealed class RetentionPurgeTests(ITestOutputHelper output) : IDisposable
{
    // Loaded on 2026-11-20; purged as of 2031-06-01 with the default 6 years: the cut-off is 2025-06-01.
    private static readonly DateTimeOffset PurgeDay = new(2031, 6, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly LoadHarness harness = new();

    public void Dispose() => harness.Dispose();

    /// <summary>
    /// A: consultations in 2024 only (expires). B: a consultation in 2026 (kept). C: a consultation in
    /// 2024 and an Annex A referral in 2026 (kept whole). D: an Annex A referral in 2024 only (expires).
    /// E: a child-in-need episode opened in 2024 and still open in a return covering to 2026 (kept).
    /// F: an episode opened and closed in 2024 (expires). G: an episode opened in 2026 (kept).
    /// </summary>
    private string LoadScenario()
    {
        var extra = ConsultationCsv.Header.Append("case_notes").ToList();
        harness.Drop("warwickshire", "old.csv", new ConsultationCsv()
            .Add("OLD-A-1", r => { r["child_id"] = "CHILD-A"; r["consultation_date"] = "2024-02-05"; r["decision_date"] = "2024-02-06"; r["team"] = "Purged Team ZQXA1"; r["indicators"] = "WAR-IP-01"; })
            .Add("OLD-A-2", r => { r["child_id"] = "CHILD-A"; r["consultation_date"] = "2024-04-10"; r["decision_date"] = "2024-04-11"; r["team"] = "Purged Team ZQXA2"; })
            .Add("OLD-A-BAD", r => { r["child_id"] = "CHILD-A"; r["consultation_date"] = "31/02/2024"; })
            .Build(extra));
        harness.Drop("warwickshire", "mixed.csv", new ConsultationCsv()
            .Add("NEW-B-1", r => { r["child_id"] = "CHILD-B"; r["team"] = "Kept Team QWVB1"; r["indicators"] = "WAR-IP-01"; })
            .Add("OLD-C-1", r => { r["child_id"] = "CHILD-C"; r["consultation_date"] = "2024-03-01"; r["decision_date"] = "2024-03-01"; })
            .Add("MIXED-BAD", r => { r["child_id"] = "CHILD-B"; r["locality"] = "BRO"; })
            .Build(extra));
        harness.Drop("warwickshire", "referrals.csv", AnnexACsv.List(3, ("D", "2024-05-01", "No"), ("C", "2026-02-10", "No")));
        harness.Drop("warwickshire", "cin.csv", AnnexACsv.List(6, ("E", "2024-01-15", ""), ("F", "2024-02-01", "2024-03-01"), ("G", "2026-06-01", "")));
        var report = harness.Load();
        Assert.All(report.Files, f => Assert.Equal(Loading.FileOutcome.Loaded, f.Outcome));
        GovernanceData.AddException(harness, "OLD-A-1");
        GovernanceData.AddException(harness, "NEW-B-1");
        return harness.Scalar<string>("SELECT file_id FROM ops.loaded_files WHERE file_name = 'old.csv'");
    }

    [Fact]
    public void Purge_removes_exactly_the_expired_childrens_records_and_nothing_else()
    {
        var oldFile = LoadScenario();
        Assert.Equal(1, harness.Scalar<long>("SELECT count(*) FROM ops.rejects WHERE file_id = $1", oldFile));
        Assert.Equal(1, harness.Scalar<long>("SELECT count(*) FROM ops.data_quality_warnings WHERE file_id = $1", oldFile));
        var expired = new HashSet<string>(StringComparer.Ordinal)
        {
            harness.Keys.Pseudonym("CHILD-A"), harness.Keys.Pseudonym("CHILD-D"), harness.Keys.Pseudonym("CHILD-F"), "OLD-A-1", "OLD-A-2",
        };
        var before = TableSnapshot.Take(harness.Connection, "ops.governance_log");

        harness.Clock.Now = PurgeDay;
        var report = new RetentionPurge(new RetentionOptions(), harness.Clock).Run(harness.Connection);

        Assert.Equal(new DateOnly(2025, 6, 1), report.CutOff);
        Assert.Equal(3, report.ChildrenExpired);
        Assert.Equal(1, report.FilesReleased);
        var after = TableSnapshot.Take(harness.Connection, "ops.governance_log");
        foreach (var (table, rows) in before)
        {
            var byFile = table is "ops.rejects" or "ops.data_quality_warnings";
            var expected = rows.Where(r => !r.Any(expired.Contains) && !(byFile && r[0] == oldFile));
            Assert.Equal(TableSnapshot.Lines(expected), TableSnapshot.Lines(after[table]));
        }
        // The scenario did put rows of the expired children in every kind of table.
        Assert.Equal(2, report.RowsDeleted["fact.consultation"]);
        Assert.Equal(1, report.RowsDeleted["fact.consultation_indicator"]);
        Assert.Equal(2, report.RowsDeleted["fact.annex_a_event"]);
        Assert.Equal(1, report.RowsDeleted["analytics.exceptions"]);
        Assert.Equal(1, report.RowsDeleted["fact.audit_judgement"]);
        Assert.Equal(1, report.RowsDeleted["ops.rejects"]);
        Assert.Equal(1, report.RowsDeleted["ops.data_quality_warnings"]);
        Assert.Equal(["CHILD-B", "CHILD-C", "CHILD-E", "CHILD-G"], Children(["CHILD-A", "CHILD-B", "CHILD-C", "CHILD-D", "CHILD-E", "CHILD-F", "CHILD-G"]));
        Assert.Equal(1, harness.Scalar<long>("SELECT count(*) FROM ops.rejects"));
    }

    [Fact]
    public void Purge_logs_counts_who_and_when_but_no_identifier_and_a_second_run_removes_nothing()
    {
        LoadScenario();
        harness.Clock.Now = PurgeDay;
        var purge = new RetentionPurge(new RetentionOptions(), harness.Clock);

        purge.Run(harness.Connection);
        var again = purge.Run(harness.Connection);

        Assert.Equal(0, again.TotalRowsDeleted);
        Assert.False(again.NeedsCompaction);
        var log = GovernanceLog.Read(harness.Connection);
        Assert.Equal(2, log.Count);
        var first = log[0];
        Assert.Equal((GovernanceLog.Purge, Environment.UserName, PurgeDay), (first.Action, first.Who, first.At));
        Assert.Null(first.Pseudonym);
        Assert.Contains("children 3", first.Details, StringComparison.Ordinal);
        Assert.Contains("fact.consultation 2", first.Details, StringComparison.Ordinal);
        Assert.Contains("before 2025-06-01 (6 years)", first.Details, StringComparison.Ordinal);
        var identifiers = new[] { "CHILD-", "OLD-A-1", harness.Keys.Pseudonym("CHILD-A"), harness.Keys.Pseudonym("CHILD-B") };
        Assert.All(log, e => Assert.DoesNotContain(identifiers, i => e.Details.Contains(i, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void A_longer_period_keeps_everything_and_a_later_date_expires_more()
    {
        LoadScenario();
        harness.Clock.Now = PurgeDay;

        var none = new RetentionPurge(new RetentionOptions { RetentionYears = 10 }, harness.Clock).Run(harness.Connection);
        Assert.Equal(0, none.ChildrenExpired);
        Assert.Equal(7, harness.Scalar<long>("SELECT count(DISTINCT child_key) FROM (SELECT child_key FROM fact.consultation UNION ALL SELECT child_key FROM fact.annex_a_event)"));

        // As of 2032-06-03 the cut-off is 2026-06-03: G (opened 2026-06-01) and E (open to the return's end, 2026-06-01) expire too.
        var later = new RetentionPurge(new RetentionOptions(), harness.Clock).Run(harness.Connection, asOf: new DateOnly(2032, 6, 3));
        Assert.Equal(6, later.ChildrenExpired);
        Assert.Equal(["CHILD-B"], Children(["CHILD-A", "CHILD-B", "CHILD-C", "CHILD-D", "CHILD-E", "CHILD-F", "CHILD-G"]));
    }

    [Fact]
    public void Rejects_of_a_file_that_supplies_no_rows_go_once_it_was_loaded_longer_ago_than_the_period()
    {
        LoadScenario();
        harness.Drop("warwickshire", "all-bad.csv", new ConsultationCsv().Add("BAD-1", r => r["consultation_date"] = "31/02/2026").Build());
        harness.Load();
        var allBad = harness.Scalar<string>("SELECT file_id FROM ops.loaded_files WHERE file_name = 'all-bad.csv'");
        harness.Clock.Now = PurgeDay;

        new RetentionPurge(new RetentionOptions(), harness.Clock).Run(harness.Connection);
        Assert.Equal(1, harness.Scalar<long>("SELECT count(*) FROM ops.rejects WHERE file_id = $1", allBad));

        // Loaded 2026-11-20: more than six years before 2032-11-21.
        new RetentionPurge(new RetentionOptions(), harness.Clock).Run(harness.Connection, asOf: new DateOnly(2032, 11, 21));
        Assert.Equal(0, harness.Scalar<long>("SELECT count(*) FROM ops.rejects WHERE file_id = $1", allBad));
    }

    [Fact]
    public void Raw_files_in_processed_are_deleted_after_their_own_period()
    {
        LoadScenario();
        var processed = Path.Combine(harness.Inbox, "warwickshire", "processed");
        Assert.Equal(4, Directory.GetFiles(processed).Length);
        harness.Clock.Now = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

        var early = new RetentionPurge(new RetentionOptions(), harness.Clock).Run(harness.Connection, harness.Inbox);
        Assert.Equal(0, early.ProcessedFilesDeleted);

        harness.Clock.Now = new DateTimeOffset(2026, 12, 21, 9, 0, 0, TimeSpan.Zero);
        var due = new RetentionPurge(new RetentionOptions(), harness.Clock).Run(harness.Connection, harness.Inbox);
        Assert.Equal(4, due.ProcessedFilesDeleted);
        Assert.Empty(Directory.GetFiles(processed));
        Assert.Contains("processed files older than 30 days deleted 4", GovernanceLog.Read(harness.Connection)[^1].Details, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Compaction_leaves_no_byte_of_a_purged_value_in_the_file_and_keeps_everything_else()
    {
        LoadScenario();
        harness.Connection.Execute("CHECKPOINT");
        harness.Close();
        Assert.True(Contains(harness.WarehousePath, "ZQXA1"), "precondition: the purged child's value is stored verbatim, so a byte scan can see it");
        harness.Reopen();
        harness.Clock.Now = PurgeDay;
        var purge = new RetentionPurge(new RetentionOptions(), harness.Clock).Run(harness.Connection);
        Assert.True(purge.NeedsCompaction);
        var kept = TableSnapshot.Take(harness.Connection, "ops.governance_log");
        harness.Connection.Execute("CHECKPOINT");
        harness.Close();
        var lingering = Contains(harness.WarehousePath, "ZQXA1") || Contains(harness.WarehousePath + ".wal", "ZQXA1");
        var sizeAfterPurge = new FileInfo(harness.WarehousePath).Length;

        var report = WarehouseCompaction.Compact(harness.WarehousePath, harness.Clock);

        output.WriteLine($"after purge and checkpoint, the purged value {(lingering ? "was still" : "was no longer")} in the file ({sizeAfterPurge:N0} bytes); " +
                         $"compaction: {report.BytesBefore:N0} -> {report.BytesAfter:N0} bytes, {report.Tables} tables, {report.Rows:N0} rows");
        Assert.False(Contains(harness.WarehousePath, "ZQXA1"));
        Assert.False(Contains(harness.WarehousePath, "ZQXA2"));
        Assert.True(Contains(harness.WarehousePath, "QWVB1"), "a kept child's value is still found by the same scan");
        Assert.False(File.Exists(harness.WarehousePath + ".wal"));
        Assert.False(File.Exists(harness.WarehousePath + ".compact"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(harness.WarehousePath));

        harness.Reopen();
        Assert.Equal(kept.Keys.Order(StringComparer.Ordinal), TableSnapshot.Take(harness.Connection, "ops.governance_log").Keys.Order(StringComparer.Ordinal));
        foreach (var (table, rows) in TableSnapshot.Take(harness.Connection, "ops.governance_log"))
            Assert.Equal(TableSnapshot.Lines(kept[table]), TableSnapshot.Lines(rows));
        Assert.Equal(1, harness.Scalar<long>("SELECT count(*) FROM duckdb_indexes() WHERE database_name = current_database() AND index_name = 'loaded_files_sha'"));
        Assert.Equal([GovernanceLog.Purge, GovernanceLog.Compact], GovernanceLog.Read(harness.Connection).Select(e => e.Action));
        // The rewritten file is a working warehouse: a load links to the children it kept.
        harness.Drop("warwickshire", "later.csv", new ConsultationCsv().Add("NEW-B-2", r => { r["child_id"] = "CHILD-B"; r["consultation_date"] = "2026-11-02"; r["decision_date"] = "2026-11-02"; }).Build());
        harness.Clock.Now = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
        harness.Load();
        Assert.Equal(2, harness.Scalar<long>("SELECT count(*) FROM fact.consultation WHERE child_key = $1", harness.Keys.Pseudonym("CHILD-B")));
    }

    [Fact]
    public void Compaction_refuses_while_the_warehouse_is_open()
    {
        var error = Assert.Throws<InvalidOperationException>(() => WarehouseCompaction.Compact(harness.WarehousePath, harness.Clock));
        Assert.Contains("close it before compacting", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, harness.Scalar<long>("SELECT count(*) FROM fact.consultation"));
    }

    private List<string> Children(IEnumerable<string> rawIds) => rawIds
        .Where(id => harness.Scalar<long>(
            "SELECT (SELECT count(*) FROM fact.consultation WHERE child_key = $1) + (SELECT count(*) FROM fact.annex_a_event WHERE child_key = $1)",
            harness.Keys.Pseudonym(id)) > 0)
        .ToList();

    private static bool Contains(string path, string needle) =>
        File.Exists(path) && File.ReadAllBytes(path).AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0;
}
