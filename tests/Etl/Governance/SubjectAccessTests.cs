using Warehouse.Etl.Governance;
using Warehouse.Etl.Tests.Support;

namespace Warehouse.Etl.Tests.Governance;

public sealed class SubjectAccessTests : IDisposable
{
    private readonly LoadHarness harness = new();

    public SubjectAccessTests() => Subjects = new SubjectAccess(harness.Keys, harness.Clock);

    private SubjectAccess Subjects { get; }

    public void Dispose() => harness.Dispose();

    private void LoadChildren()
    {
        harness.Drop("warwickshire", "front-door.csv", new ConsultationCsv()
            .Add("S-1", r => { r["child_id"] = "CHILD-S"; r["consultation_date"] = "2026-09-01"; r["decision_date"] = "2026-09-02"; r["indicators"] = "WAR-IP-01"; })
            .Add("S-2", r => { r["child_id"] = "CHILD-S"; r["consultation_date"] = "2026-10-05"; r["decision_date"] = "2026-10-05"; })
            .Add("T-1", r => { r["child_id"] = "CHILD-T"; r["consultation_date"] = "2026-09-20"; r["decision_date"] = "2026-09-21"; })
            .Build());
        harness.Drop("warwickshire", "referrals.csv", AnnexACsv.List(3, ("S", "2026-09-03", "No"), ("T", "2026-09-22", "No")));
        harness.Load();
        GovernanceData.AddException(harness, "S-1");
        GovernanceData.AddException(harness, "T-1");
    }

    [Fact]
    public void Find_by_raw_id_shows_every_record_of_the_child_and_logs_the_look_up()
    {
        LoadChildren();

        var found = Subjects.Find(harness.Connection, "  child-s ");

        Assert.Equal(harness.Keys.Pseudonym("CHILD-S"), found.Pseudonym);
        Assert.Equal(["S-1", "S-2"], found.Consultations.Select(c => c.ConsultationId));
        Assert.Equal(["WAR-IP-01"], found.Consultations[0].Indicators);
        Assert.Equal(new DateOnly(2015, 6, 1), found.Consultations[0].BirthMonth);
        var referral = Assert.Single(found.Events);
        Assert.Equal((3, "referral", new DateOnly(2026, 9, 3)), (referral.ListNumber, referral.EventKind, referral.EventDate));
        Assert.Equal(2, found.RowCounts["fact.consultation"]);
        Assert.Equal(1, found.RowCounts["fact.consultation_indicator"]);
        Assert.Equal(1, found.RowCounts["analytics.exceptions"]);
        Assert.Equal(1, found.RowCounts["fact.audit_judgement"]);
        Assert.Empty(found.ErasedIn);
        var view = Assert.Single(GovernanceLog.Read(harness.Connection));
        Assert.Equal((GovernanceLog.View, found.Pseudonym, Environment.UserName, harness.Clock.Now, 1), (view.Action, view.Pseudonym, view.Who, view.At, view.KeyGeneration));

        Assert.True(Subjects.Find(harness.Connection, "CHILD-NOBODY").IsEmpty);
    }

    [Fact]
    public void Erase_by_raw_id_removes_everything_and_a_later_overlapping_load_does_not_bring_it_back()
    {
        LoadChildren();
        // A result whose check run is gone still goes with its child.
        harness.Connection.Execute("UPDATE analytics.exceptions SET run_id = 'run-deleted' WHERE consultation_id = 'S-1'");
        var keyS = harness.Keys.Pseudonym("CHILD-S");
        var others = TableSnapshot.Take(harness.Connection, "ops.governance_log");

        var report = Subjects.Erase(harness.Connection, "warwickshire", "child-s");

        Assert.Equal(2, report.RowsChanged["fact.consultation"]);
        Assert.Equal(1, report.RowsChanged["fact.annex_a_event"]);
        Assert.Equal(1, report.RowsChanged["analytics.exceptions"]);
        Assert.False(report.NeedsDerivation);
        var found = Subjects.Find(harness.Connection, "CHILD-S", "warwickshire");
        Assert.True(found.IsEmpty);
        Assert.Equal(["warwickshire"], found.ErasedIn);
        // Everything else is as it was: the only changes are the erased rows and the erasure list.
        var after = TableSnapshot.Take(harness.Connection, "ops.governance_log");
        foreach (var (table, rows) in others.Where(t => t.Key != "ops.erased_children"))
        {
            var expected = rows.Where(r => !r.Contains(keyS) && !r.Contains("S-1") && !r.Contains("S-2"));
            Assert.Equal(TableSnapshot.Lines(expected), TableSnapshot.Lines(after[table]));
        }

        // The next return overlaps the erased child's events; the consultations are sent again too.
        harness.Drop("warwickshire", "referrals-2.csv", AnnexACsv.List(3, ("S", "2026-09-03", "No"), ("S", "2026-10-07", "Yes"), ("T", "2026-09-22", "No"), ("U", "2026-10-01", "No")));
        harness.Drop("warwickshire", "front-door-2.csv", new ConsultationCsv()
            .Add("S-2", r => { r["child_id"] = "child-s "; r["consultation_date"] = "2026-10-05"; r["decision_date"] = "2026-10-05"; })
            .Add("S-3", r => { r["child_id"] = "CHILD-S"; r["consultation_date"] = "2026-11-02"; r["decision_date"] = "2026-11-02"; })
            .Add("U-1", r => { r["child_id"] = "CHILD-U"; r["consultation_date"] = "2026-10-02"; r["decision_date"] = "2026-10-02"; })
            .Build());
        harness.Load();

        Assert.True(Subjects.Find(harness.Connection, "CHILD-S").IsEmpty);
        Assert.Equal(1, harness.Scalar<long>("SELECT count(*) FROM fact.consultation WHERE consultation_id = 'U-1'"));
        Assert.Equal(2, harness.Scalar<long>("SELECT count(*) FROM fact.annex_a_event"));
        var erase = GovernanceLog.Read(harness.Connection).Single(e => e.Action == GovernanceLog.Erase);
        Assert.Equal((keyS, "warwickshire", Environment.UserName, harness.Clock.Now), (erase.Pseudonym, erase.Partnership, erase.Who, erase.At));
        Assert.Contains("added to the erasure list", erase.Details, StringComparison.Ordinal);
    }

    [Fact]
    public void Correct_moves_every_record_from_the_wrong_child_to_the_right_one()
    {
        LoadChildren();
        var wrong = harness.Keys.Pseudonym("CHILD-S");
        var right = harness.Keys.Pseudonym("CHILD-T");

        var report = Subjects.Correct(harness.Connection, "warwickshire", "CHILD-S", "child-t");

        Assert.Equal((wrong, right), (report.Pseudonym, report.OtherPseudonym));
        Assert.Equal(2, report.RowsChanged["fact.consultation"]);
        Assert.Equal(1, report.RowsChanged["fact.annex_a_event"]);
        Assert.Equal(1, report.RowsChanged["analytics.exceptions"]);
        Assert.True(report.NeedsDerivation);
        Assert.True(Subjects.Find(harness.Connection, "CHILD-S").IsEmpty);
        var moved = Subjects.Find(harness.Connection, "CHILD-T");
        Assert.Equal(["S-1", "T-1", "S-2"], moved.Consultations.Select(c => c.ConsultationId));
        Assert.Equal(2, moved.Events.Count);
        Assert.Equal(2, moved.RowCounts["analytics.exceptions"]);
        harness.Loader.Derive(harness.Connection, "warwickshire", cutOff: null);
        var entry = GovernanceLog.Read(harness.Connection).Single(e => e.Action == GovernanceLog.Correct);
        Assert.Equal((wrong, right, Environment.UserName), (entry.Pseudonym, entry.OtherPseudonym, entry.Who));
        Assert.Contains("fact.consultation 2", entry.Details, StringComparison.Ordinal);
        // The history of the right child shows the correction (and the look-ups).
        Assert.Contains(Subjects.Find(harness.Connection, "CHILD-T").History, e => e.Action == GovernanceLog.Correct);
    }

    [Fact]
    public void Correct_can_move_only_the_consultations_listed()
    {
        LoadChildren();

        var report = Subjects.Correct(harness.Connection, "warwickshire", "CHILD-S", "CHILD-T", ["S-2"]);

        Assert.Equal(1, report.RowsChanged["fact.consultation"]);
        Assert.False(report.RowsChanged.ContainsKey("fact.annex_a_event"));
        Assert.Equal(["S-1"], Subjects.Find(harness.Connection, "CHILD-S").Consultations.Select(c => c.ConsultationId));
        Assert.Single(Subjects.Find(harness.Connection, "CHILD-S").Events);
        Assert.Equal(["T-1", "S-2"], Subjects.Find(harness.Connection, "CHILD-T").Consultations.Select(c => c.ConsultationId));

        var error = Assert.Throws<ArgumentException>(() => Subjects.Correct(harness.Connection, "warwickshire", "CHILD-S", "CHILD-T", ["S-1", "T-1"]));
        Assert.Contains("1 of the 2 consultations", error.Message, StringComparison.Ordinal);
        Assert.Equal(["S-1"], Subjects.Find(harness.Connection, "CHILD-S").Consultations.Select(c => c.ConsultationId));
    }

    [Fact]
    public void Records_are_never_moved_to_an_erased_child_nor_between_two_spellings_of_one_child()
    {
        LoadChildren();
        Subjects.Erase(harness.Connection, "warwickshire", "CHILD-T");

        Assert.Throws<InvalidOperationException>(() => Subjects.Correct(harness.Connection, "warwickshire", "CHILD-S", "CHILD-T"));
        Assert.Throws<ArgumentException>(() => Subjects.Correct(harness.Connection, "warwickshire", "CHILD-S", " child-s"));
        Assert.Equal(2, Subjects.Find(harness.Connection, "CHILD-S").Consultations.Count);
    }

    [Fact]
    public void No_log_table_or_file_byte_ever_holds_a_raw_child_id()
    {
        LoadChildren();
        Subjects.Find(harness.Connection, "CHILD-S");
        Subjects.Correct(harness.Connection, "warwickshire", "CHILD-S", "CHILD-V", ["S-2"]);
        Subjects.Erase(harness.Connection, "warwickshire", "CHILD-T");
        Subjects.Find(harness.Connection, "CHILD-NEVER-LOADED");
        harness.Clock.Now = new DateTimeOffset(2033, 1, 1, 9, 0, 0, TimeSpan.Zero);
        new RetentionPurge(new RetentionOptions(), harness.Clock).Run(harness.Connection);
        var rawIds = new[] { "CHILD-S", "CHILD-T", "CHILD-V", "CHILD-NEVER-LOADED" };

        Assert.Equal([GovernanceLog.View, GovernanceLog.Correct, GovernanceLog.Erase, GovernanceLog.View, GovernanceLog.Purge], GovernanceLog.Read(harness.Connection).Select(e => e.Action));
        Assert.Empty(IdentifierScan.TextColumnsContaining(harness.Connection, rawIds));
        harness.Connection.Execute("CHECKPOINT");
        harness.Close();
        Assert.Empty(IdentifierScan.FilesContaining(Directory.EnumerateFiles(Path.GetDirectoryName(harness.WarehousePath)!), rawIds));
        harness.Reopen();
    }

    [Fact]
    public void A_blank_child_id_is_refused_without_echoing_anything()
    {
        var error = Assert.Throws<ArgumentException>(() => Subjects.Find(harness.Connection, "   "));
        Assert.Contains("blank", error.Message, StringComparison.Ordinal);
    }
}
