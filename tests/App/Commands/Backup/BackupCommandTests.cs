using System.Security.Cryptography;
using System.Text;
using Warehouse.App.Access;
using Warehouse.App.Cli;
using Warehouse.App.Commands.Check;
using Warehouse.App.Commands.Load;
using Warehouse.App.Locking;
using Warehouse.App.Tests.Support;
using Warehouse.Store.DuckDb;
using Warehouse.Store.Schema;
using Warehouse.Synthetic;

namespace Warehouse.App.Tests.Commands.Backup;

/// <summary>
/// <c>warehouse backup</c> and <c>warehouse restore</c>: a loaded and checked warehouse comes back
/// table for table and row for row in a new file; a restore never replaces a warehouse; the key
/// is never in a backup; both refuse what would be unsafe.
/// </summary>
public sealed class BackupCommandTests : IDisposable
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly TestFolder folder = new();
    private readonly CliHarness cli;

    public BackupCommandTests()
    {
        cli = new CliHarness(folder) { Time = new FakeClock(TestData.Utc(2026, 11, 20, 9)) };
        // The shipped frameworks and reference data beside the test binaries, as beside the real program.
        cli.Variables["WAREHOUSE_FRAMEWORKSFOLDER"] = Path.Combine(AppContext.BaseDirectory, "frameworks", "data");
    }

    public void Dispose() => folder.Dispose();

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_loaded_and_checked_warehouse_is_restored_into_a_new_file_with_every_table_and_row()
    {
        await LoadAndCheckAsync();
        var backup = folder.PathOf("backups", "2026-11-20");
        var restoredPath = folder.PathOf("drill", "warehouse.duckdb");

        var backedUp = await cli.RunAsync("backup", "backups/2026-11-20");
        var restored = await cli.RunAsync("restore", backup, "--to", restoredPath);

        Assert.True(backedUp.ExitCode == ExitCodes.Success, backedUp.Error);
        Assert.True(restored.ExitCode == ExitCodes.Success, restored.Error);
        var compared = Compare(cli.Settings.Warehouse, restoredPath);
        Assert.True(compared.Count >= 40, $"only {compared.Count} tables compared");
        foreach (var (table, original, copy, differing) in compared)
        {
            Assert.True(original == copy, $"{table}: {original} rows in the warehouse, {copy} restored");
            Assert.True(differing == 0, $"{table}: {differing} rows differ");
        }
        var rows = compared.ToDictionary(c => c.Table, c => c.Original, StringComparer.Ordinal);
        Assert.True(rows["fact.consultation"] > 0 && rows["fact.annex_a_event"] > 0 && rows["analytics.measures"] > 0 && rows["ops.loaded_files"] > 0);
        Assert.Equal(Migrator.LatestVersion, rows["meta.schema_migrations"]);
        var total = compared.Sum(c => c.Original);
        Assert.Contains($"Backed up {compared.Count} tables ({total:N0} rows, schema version {Migrator.LatestVersion}, key generation 1)", backedUp.Out, StringComparison.Ordinal);
        Assert.Contains($"Restored {compared.Count} tables ({total:N0} rows) from {backup} into {restoredPath}", restored.Out, StringComparison.Ordinal);
        Assert.Contains("made under key generation 1: before loading into the restored warehouse, put a key file holding exactly the first 1 key(s)", restored.Out, StringComparison.Ordinal);

        // Owner-only: the backup folder and every file in it, and the restored file; nothing left beside it.
        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(backup));
        Assert.All(Directory.GetFiles(backup), f => Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(f)));
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(restoredPath));
        Assert.Equal(["warehouse.duckdb"], Directory.GetFileSystemEntries(folder.PathOf("drill")).Select(Path.GetFileName));

        // The key is not in the backup, under any name or inside any file.
        Assert.Contains("The pseudonymisation key is not in the backup", backedUp.Out, StringComparison.Ordinal);
        var keys = File.ReadAllLines(cli.Settings.KeyFile).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        Assert.NotEmpty(keys);
        foreach (var file in Directory.GetFiles(backup))
        {
            Assert.DoesNotContain("key", Path.GetFileName(file).Replace("key_generations", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
            var bytes = File.ReadAllBytes(file);
            foreach (var key in keys)
            {
                Assert.True(bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(key)) < 0, $"{file} holds the key");
                Assert.True(bytes.AsSpan().IndexOf(Convert.FromBase64String(key)) < 0, $"{file} holds the key's bytes");
            }
        }

        // The restored warehouse works with the key put back: the drill's last step.
        cli.Variables["WAREHOUSE_WAREHOUSE"] = restoredPath;
        var check = await cli.RunAsync("key", "check");
        Assert.True(check.ExitCode == ExitCodes.Success, check.Out + check.Error);

        var (entries, _) = AccessLog.Read(folder.PathOf("data", "warehouse.access.log"));
        Assert.Contains(entries, e => e is { Command: "backup", Outcome: "ok" } && e.Rows == total && e.What == "to " + backup);
        Assert.Contains(entries, e => e is { Command: "restore", Outcome: "ok" } && e.Rows == total && e.What == $"{backup} to {restoredPath}");
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_backup_records_its_key_generation_and_the_restored_warehouse_accepts_only_that_chain()
    {
        TestWarehouse.Create(cli.Settings.Warehouse);
        foreach (var step in new[] { new[] { "key", "create" }, ["key", "rotate"] })
            Assert.Equal(ExitCodes.Success, (await cli.RunAsync(step)).ExitCode);

        var backedUp = await cli.RunAsync("backup", "backup");
        var restored = await cli.RunAsync("restore", "backup", "--to", "drill/warehouse.duckdb");

        Assert.Contains("schema version", backedUp.Out, StringComparison.Ordinal);
        Assert.Contains("key generation 2)", backedUp.Out, StringComparison.Ordinal);
        Assert.Contains("\"keyGeneration\": 2", File.ReadAllText(folder.PathOf("backup", "backup.json")), StringComparison.Ordinal);
        Assert.True(restored.ExitCode == ExitCodes.Success, restored.Error);
        Assert.Contains("made under key generation 2", restored.Out, StringComparison.Ordinal);

        // The drill: the restored warehouse with a key file cut to the first key, then with the whole chain.
        cli.Variables["WAREHOUSE_WAREHOUSE"] = folder.PathOf("drill", "warehouse.duckdb");
        var lines = File.ReadAllLines(cli.Settings.KeyFile);
        var firstKey = lines.Take(Array.FindIndex(lines, l => l.Length > 0 && !l.StartsWith('#')) + 1);
        var cut = folder.PathOf("first-key-only.key");
        File.WriteAllLines(cut, firstKey);
        File.SetUnixFileMode(cut, OwnerOnlyFile);
        cli.Variables["WAREHOUSE_KEYFILE"] = cut;
        var wrong = await cli.RunAsync("key", "check");
        cli.Variables.Remove("WAREHOUSE_KEYFILE");
        var right = await cli.RunAsync("key", "check");

        Assert.Equal(ExitCodes.Failure, wrong.ExitCode);
        Assert.Contains("(1 keys) is not the chain the warehouse's pseudonyms were made with (2 keys", wrong.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, right.ExitCode);
        Assert.Contains("The key file matches the warehouse (generation 2).", right.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_restore_never_replaces_an_existing_warehouse()
    {
        TestWarehouse.Create(cli.Settings.Warehouse);
        Assert.Equal(ExitCodes.Success, (await cli.RunAsync("backup", "backup")).ExitCode);
        var before = SHA256.HashData(File.ReadAllBytes(cli.Settings.Warehouse));

        var overLive = await cli.RunAsync("restore", "backup");
        var overOther = await cli.RunAsync("restore", "backup", "--to", cli.Settings.Warehouse);

        foreach (var result in new[] { overLive, overOther })
        {
            Assert.Equal(ExitCodes.BadUsage, result.ExitCode);
            Assert.StartsWith($"There is already a warehouse at '{cli.Settings.Warehouse}': a backup is restored only into a new path", result.Error, StringComparison.Ordinal);
        }
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(cli.Settings.Warehouse)));
        Assert.Empty(Directory.GetDirectories(folder.PathOf("data"), ".restore-*"));
    }

    [Fact]
    public async Task A_backup_that_no_longer_matches_its_manifest_is_not_restored()
    {
        TestWarehouse.Create(cli.Settings.Warehouse);
        Assert.Equal(ExitCodes.Success, (await cli.RunAsync("backup", "backup")).ExitCode);
        var manifest = folder.PathOf("backup", "backup.json");
        // As if a Parquet file had lost a row: the manifest says the locality table had three.
        var text = File.ReadAllText(manifest);
        File.WriteAllText(manifest, text.Replace("\"table\": \"dim.locality\",\n      \"rows\": 2", "\"table\": \"dim.locality\",\n      \"rows\": 3", StringComparison.Ordinal));
        Assert.NotEqual(text, File.ReadAllText(manifest));

        var result = await cli.RunAsync("restore", "backup", "--to", "drill/warehouse.duckdb");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.StartsWith("The restore brought back 2 rows of dim.locality, not the 3 the backup recorded; nothing was put in place.", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder.PathOf("drill")));
    }

    [Fact]
    public async Task A_folder_that_is_not_a_backup_is_refused()
    {
        Directory.CreateDirectory(folder.PathOf("somewhere"));

        var result = await cli.RunAsync("restore", "somewhere", "--to", "drill/warehouse.duckdb");

        Assert.Equal(ExitCodes.BadUsage, result.ExitCode);
        Assert.StartsWith($"'{folder.PathOf("somewhere")}' is not a warehouse backup: it has no backup.json", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.PathOf("drill")));
    }

    [Fact]
    public async Task A_backup_goes_only_into_a_new_or_empty_folder_outside_the_published_outputs()
    {
        TestWarehouse.Create(cli.Settings.Warehouse);
        var kept = folder.Write("old/notes.txt", "an older backup lives here");

        var nonEmpty = await cli.RunAsync("backup", "old");
        var published = await cli.RunAsync("backup", "out/backup");
        var inbox = await cli.RunAsync("backup", "data/inbox/backup");
        Directory.CreateDirectory(folder.PathOf("empty"));
        var empty = await cli.RunAsync("backup", "empty");

        Assert.Equal(ExitCodes.BadUsage, nonEmpty.ExitCode);
        Assert.StartsWith($"'{folder.PathOf("old")}' is not empty", nonEmpty.Error, StringComparison.Ordinal);
        Assert.Equal(["notes.txt"], Directory.GetFileSystemEntries(folder.PathOf("old")).Select(Path.GetFileName));
        Assert.Equal("an older backup lives here", File.ReadAllText(kept));
        Assert.Equal(ExitCodes.BadUsage, published.ExitCode);
        Assert.StartsWith("A backup holds case-level data and cannot go in the publishable output folder", published.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.PathOf("out")));
        Assert.Equal(ExitCodes.BadUsage, inbox.ExitCode);
        Assert.StartsWith("A backup cannot go inside the inbox", inbox.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, empty.ExitCode);
        Assert.True(File.Exists(folder.PathOf("empty", "backup.json")));
        var (entries, _) = AccessLog.Read(cli.Settings.AccessLog);
        Assert.Equal(["failed", "failed", "failed", "ok"], entries.Where(e => e.Command == "backup").Select(e => e.Outcome));
    }

    [Fact]
    public async Task A_backup_is_refused_while_a_job_holds_the_warehouse()
    {
        TestWarehouse.Create(cli.Settings.Warehouse);
        using var holder = new LockHolder(cli.Settings.Warehouse);
        RunningMarker.Write(cli.Settings.RunningMarker, new RunningJob("load-inbox", holder.ProcessId, TestData.Utc(2026, 11, 20, 1, 30), holder.StartedAt, "run-1"));

        var result = await cli.RunAsync("backup", "backup");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.StartsWith("The warehouse is busy: job 'load-inbox' has been running since 01:30:00 on 20 November 2026 (Europe/London)", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.PathOf("backup")));
    }

    [Fact]
    public async Task Backup_and_restore_say_what_they_do_in_their_help()
    {
        var backup = await cli.RunAsync("backup", "--help");
        var restore = await cli.RunAsync("restore", "--help");

        Assert.Equal((ExitCodes.Success, ExitCodes.Success), (backup.ExitCode, restore.ExitCode));
        Assert.Contains("EXPORT DATABASE", backup.Out, StringComparison.Ordinal);
        Assert.Contains("refused while a job runs", backup.Out, StringComparison.Ordinal);
        Assert.Contains("key file is not included", backup.Out, StringComparison.Ordinal);
        Assert.Contains("<folder>", backup.Out, StringComparison.Ordinal);
        Assert.Contains("never over an existing warehouse", restore.Out, StringComparison.Ordinal);
        Assert.Contains("--to <file>", restore.Out, StringComparison.Ordinal);
        Assert.Contains("warehouse key check", restore.Out, StringComparison.Ordinal);
    }

    /// <summary>Synthetic files for one partnership, loaded and checked through the command line, as an operator would.</summary>
    private async Task LoadAndCheckAsync()
    {
        SyntheticGenerator.Generate(new GeneratorOptions
        {
            Seed = 20261120,
            OutputFolder = cli.Settings.Inbox,
            Partnerships = ["warwickshire"],
            Start = new DateOnly(2026, 7, 1),
            Months = 4,
            ConsultationsPerPartnership = 400,
            Messy = true,
        });
        cli.Tasks.Add(new LoadInboxTask());
        foreach (var step in new[] { new[] { "key", "create" }, ["load"], ["check"] })
        {
            var result = await cli.RunAsync(step);
            Assert.True(result.ExitCode == ExitCodes.Success, $"{string.Join(' ', step)}: {result.Error}");
        }
    }

    /// <summary>Every table of the first warehouse: its rows there and in the second, and how many of its rows the second lacks.</summary>
    private static List<(string Table, long Original, long Copy, long Differing)> Compare(string original, string copy)
    {
        using var connection = new DuckDbConnection(":memory:");
        connection.Open();
        connection.Execute($"ATTACH '{original}' AS original (READ_ONLY); ATTACH '{copy}' AS copy (READ_ONLY);");
        var tables = Tables(connection, "original");
        Assert.Equal(tables.Select(t => t.Name), Tables(connection, "copy").Select(t => t.Name));
        return tables.Select(t => (t.Name,
            connection.Scalar<long>($"SELECT count(*) FROM original.{t.Sql}"),
            connection.Scalar<long>($"SELECT count(*) FROM copy.{t.Sql}"),
            connection.Scalar<long>($"SELECT count(*) FROM (SELECT * FROM original.{t.Sql} EXCEPT ALL SELECT * FROM copy.{t.Sql})"))).ToList();
    }

    /// <summary>The base tables of an attached database: <c>schema.table</c>, and the same quoted for SQL.</summary>
    private static List<(string Name, string Sql)> Tables(DuckDbConnection connection, string database)
    {
        var tables = new List<(string, string)>();
        using var command = new DuckDbCommand(
            "SELECT schema_name, table_name FROM duckdb_tables() WHERE database_name = $1 ORDER BY schema_name, table_name", connection);
        command.Parameters.AddValue(database);
        using var reader = command.ExecuteReader();
        while (reader.Read()) tables.Add(($"{reader.GetString(0)}.{reader.GetString(1)}", $"\"{reader.GetString(0)}\".\"{reader.GetString(1)}\""));
        return tables;
    }
}
