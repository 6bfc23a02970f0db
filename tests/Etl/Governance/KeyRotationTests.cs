using Warehouse.Etl.Governance;
using Warehouse.Etl.Pseudonymisation;
using Warehouse.Etl.Tests.Support;

namespace Warehouse.Etl.Tests.Governance;

public sealed class KeyRotationTests : IDisposable
{
    private readonly LoadHarness harness = new();
    private readonly string keyFile;

    public KeyRotationTests()
    {
        keyFile = Path.Combine(harness.Folder, "data", "warehouse.key");
        PseudonymKeyChain.Create(keyFile);
    }

    public void Dispose() => harness.Dispose();

    private void Load(PseudonymKeyChain keys) => harness.Loader.Load(harness.Connection, harness.Inbox, keys);

    /// <summary>Twelve children with one to three consultations each, Annex A events for some, one erased.</summary>
    private PseudonymKeyChain LoadChildren()
    {
        var keys = PseudonymKeyChain.Load(keyFile);
        var csv = new ConsultationCsv();
        for (var child = 0; child < 12; child++)
        {
            for (var n = 0; n <= child % 3; n++)
            {
                var id = $"K{child}-{n}";
                csv.Add(id, r => { r["child_id"] = $"CHILD-K{child}"; r["consultation_date"] = $"2026-09-{10 + n:00}"; r["decision_date"] = $"2026-09-{10 + n:00}"; });
            }
        }
        harness.Drop("warwickshire", "front-door.csv", csv.Build());
        harness.Drop("warwickshire", "referrals.csv", AnnexACsv.List(3, ("K1", "2026-09-15", "No"), ("K4", "2026-09-16", "No"), ("K11", "2026-09-20", "Yes")));
        Load(keys);
        GovernanceData.AddException(harness, "K2-0");
        new SubjectAccess(keys, harness.Clock).Erase(harness.Connection, "warwickshire", "CHILD-K5");
        return keys;
    }

    private Dictionary<string, string> ChildOfConsultation() => harness.Rows("SELECT consultation_id, child_key FROM fact.consultation")
        .ToDictionary(r => (string)r[0]!, r => (string)r[1]!, StringComparer.Ordinal);

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Rotation_keeps_every_consultation_linked_to_the_same_child()
    {
        var oldKeys = LoadChildren();
        var before = ChildOfConsultation();
        var eventsBefore = harness.Rows("SELECT event_date, child_key FROM fact.annex_a_event ORDER BY event_date").Select(r => (string)r[1]!).ToList();
        var erasedBefore = harness.Scalar<string>("SELECT child_key FROM ops.erased_children");
        var exceptionBefore = harness.Scalar<string>("SELECT child_key FROM analytics.exceptions");

        var report = KeyRotation.Rotate(harness.Connection, keyFile, harness.Clock);

        Assert.Equal(2, report.Generation);
        var newKey = report.Keys.Keys[^1];
        var after = ChildOfConsultation();
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(before.Values.Distinct().Count(), after.Values.Distinct().Count());
        // The same groupings: two consultations share a child after rotation exactly when they did before.
        foreach (var (id, key) in before)
        {
            Assert.Equal(PseudonymKeyChain.Rekey(newKey, key), after[id]);
            Assert.NotEqual(key, after[id]);
        }
        Assert.Equal(report.Keys.Pseudonym("CHILD-K7"), after["K7-1"]);
        Assert.Equal(eventsBefore.Select(k => PseudonymKeyChain.Rekey(newKey, k)),
            harness.Rows("SELECT event_date, child_key FROM fact.annex_a_event ORDER BY event_date").Select(r => (string)r[1]!));
        Assert.Equal(PseudonymKeyChain.Rekey(newKey, erasedBefore), harness.Scalar<string>("SELECT child_key FROM ops.erased_children"));
        Assert.Equal(PseudonymKeyChain.Rekey(newKey, exceptionBefore), harness.Scalar<string>("SELECT child_key FROM analytics.exceptions"));
        Assert.Equal(before.Count, report.RowsRekeyed["fact.consultation"]);

        // The key file keeps the chain, owner-only; the warehouse recorded it; nothing is pending.
        var fileKeys = PseudonymKeyChain.Load(keyFile);
        Assert.Equal(2, fileKeys.Keys.Count);
        Assert.Equal(oldKeys.Keys[0], fileKeys.Keys[0]);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        Assert.False(File.Exists(KeyRotation.PendingPath(keyFile)));
        Assert.True(KeyRotation.Check(harness.Connection, keyFile).Usable);
        Assert.Equal(2, harness.Scalar<long>("SELECT count(*) FROM ops.key_generations"));
        var entry = GovernanceLog.Read(harness.Connection)[^1];
        Assert.Equal((GovernanceLog.KeyRotationAction, 2, (string?)null), (entry.Action, entry.KeyGeneration, entry.Pseudonym));
    }

    [Fact]
    public void A_load_after_rotation_links_new_rows_to_the_old_ones_and_keeps_erased_children_out()
    {
        LoadChildren();
        var before = ChildOfConsultation();
        KeyRotation.Rotate(harness.Connection, keyFile, harness.Clock);
        var keys = PseudonymKeyChain.Load(keyFile);
        var children = harness.Scalar<long>("SELECT count(DISTINCT child_key) FROM fact.consultation");

        harness.Drop("warwickshire", "later.csv", new ConsultationCsv()
            .Add("K3-9", r => { r["child_id"] = "child-k3"; r["consultation_date"] = "2026-11-02"; r["decision_date"] = "2026-11-02"; })
            .Add("K5-9", r => { r["child_id"] = "CHILD-K5"; r["consultation_date"] = "2026-11-02"; r["decision_date"] = "2026-11-02"; })
            .Build());
        harness.Drop("warwickshire", "referrals-2.csv", AnnexACsv.List(3, ("K3", "2026-11-03", "No"), ("K5", "2026-11-04", "No")));
        Load(keys);

        var after = ChildOfConsultation();
        Assert.Equal(after["K3-0"], after["K3-9"]);
        Assert.False(after.ContainsKey("K5-9"));
        Assert.Equal(children, harness.Scalar<long>("SELECT count(DISTINCT child_key) FROM fact.consultation"));
        Assert.Equal(1, harness.Scalar<long>("SELECT count(*) FROM fact.annex_a_event WHERE child_key = $1", after["K3-0"]));
        Assert.Equal(0, harness.Scalar<long>("SELECT count(*) FROM fact.annex_a_event WHERE child_key = $1", keys.Pseudonym("CHILD-K5")));
        Assert.Equal(before.Count + 1, after.Count);
        // A subject look-up under the new chain finds the child and its history under the old key.
        var found = new SubjectAccess(keys, harness.Clock).Find(harness.Connection, "CHILD-K5");
        Assert.Equal(["warwickshire"], found.ErasedIn);
        Assert.Contains(found.History, e => e.Action == GovernanceLog.Erase && e.KeyGeneration == 1);
    }

    [Fact]
    public void A_rotation_interrupted_after_its_commit_is_finished_by_recovery()
    {
        LoadChildren();
        var before = ChildOfConsultation();

        Assert.Throws<IOException>(() => KeyRotation.Rotate(harness.Connection, keyFile, harness.Clock, afterCommit: () => throw new IOException("power cut")));

        Assert.True(File.Exists(KeyRotation.PendingPath(keyFile)));
        Assert.Single(PseudonymKeyChain.Load(keyFile).Keys);
        var status = KeyRotation.Check(harness.Connection, keyFile);
        Assert.False(status.Usable);
        Assert.True(status.RotationPending);
        Assert.Contains("committed", status.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => KeyRotation.Rotate(harness.Connection, keyFile, harness.Clock));

        Assert.Equal(KeyRecoveryOutcome.Completed, KeyRotation.Recover(harness.Connection, keyFile, harness.Clock));

        var keys = PseudonymKeyChain.Load(keyFile);
        Assert.Equal(2, keys.Keys.Count);
        Assert.True(KeyRotation.Check(harness.Connection, keyFile).Usable);
        Assert.Equal(keys.Pseudonym("CHILD-K8"), ChildOfConsultation()["K8-2"]);
        Assert.Equal(PseudonymKeyChain.Rekey(keys.Keys[1], before["K8-2"]), ChildOfConsultation()["K8-2"]);
        Assert.Equal(GovernanceLog.KeyRecovery, GovernanceLog.Read(harness.Connection)[^1].Action);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_rotation_that_never_committed_is_rolled_back_by_recovery()
    {
        LoadChildren();
        var before = ChildOfConsultation();
        var original = File.ReadAllText(keyFile);
        // The process died after writing the new key file and before its transaction committed.
        File.WriteAllText(KeyRotation.PendingPath(keyFile), original + Convert.ToBase64String(new byte[32]) + "\n");
        File.SetUnixFileMode(KeyRotation.PendingPath(keyFile), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Assert.Contains("did not commit", KeyRotation.Check(harness.Connection, keyFile).Message, StringComparison.Ordinal);

        Assert.Equal(KeyRecoveryOutcome.RolledBack, KeyRotation.Recover(harness.Connection, keyFile, harness.Clock));

        Assert.False(File.Exists(KeyRotation.PendingPath(keyFile)));
        Assert.Equal(original, File.ReadAllText(keyFile));
        Assert.Equal(before, ChildOfConsultation());
        Assert.Equal(KeyRecoveryOutcome.NothingToRecover, KeyRotation.Recover(harness.Connection, keyFile, harness.Clock));
    }

    [Fact]
    public void A_key_file_that_is_not_the_warehouses_chain_is_refused()
    {
        LoadChildren();
        KeyRotation.Rotate(harness.Connection, keyFile, harness.Clock);
        var other = Path.Combine(harness.Folder, "other.key");
        PseudonymKeyChain.Create(other);

        var status = KeyRotation.Check(harness.Connection, other);

        Assert.False(status.Usable);
        Assert.Contains("not the chain", status.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => KeyRotation.Rotate(harness.Connection, other, harness.Clock));
        Assert.Single(PseudonymKeyChain.Load(other).Keys);
    }

    [Fact]
    public void The_rotation_log_and_the_key_file_hold_no_raw_id()
    {
        LoadChildren();
        KeyRotation.Rotate(harness.Connection, keyFile, harness.Clock);
        var rawIds = Enumerable.Range(0, 12).Select(i => $"CHILD-K{i}").ToArray();

        Assert.Empty(IdentifierScan.TextColumnsContaining(harness.Connection, rawIds));
        Assert.Empty(IdentifierScan.FilesContaining([keyFile], rawIds));
        Assert.All(GovernanceLog.Read(harness.Connection), e => Assert.DoesNotContain("CHILD-", e.Details, StringComparison.OrdinalIgnoreCase));
    }
}
