using System.Runtime.Versioning;
using Warehouse.App.Cli;
using Warehouse.App.Tasks;
using Warehouse.App.Tests.Support;

namespace Warehouse.App.Tests.Security;

/// <summary>
/// The warehouse's own files while a job holds them: the write-ahead log exists only then, so a task
/// of ours looks at it from inside the job; and the key, which is refused when others can read it.
/// </summary>
[Trait("Category", "Security")]
[UnsupportedOSPlatform("windows")]
public sealed class WarehouseFilePermissionTests : IDisposable
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OthersRead = UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode OthersEnter = UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    private readonly TestFolder folder = new();
    private readonly RecordingCli cli;

    public WarehouseFilePermissionTests() => cli = new RecordingCli(folder, new FakeClock(TestData.Utc(2026, 6, 20, 9)));

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task While_a_job_writes_its_write_ahead_log_is_out_of_other_users_reach()
    {
        await cli.SucceedAsync("key", "create");

        var (wal, walFolder) = await LookAtTheWriteAheadLogDuringAJobAsync();

        Assert.True((wal & OthersRead) == 0 || (walFolder & OthersEnter) == 0, $"The write-ahead log is {wal} in a folder that is {walFolder}.");
    }

    [Fact]
    public async Task The_write_ahead_log_is_out_of_other_users_reach_when_the_inbox_was_made_first()
    {
        // As 'warehouse generate' or a transfer process does it: the inbox, and so the data folder, with the usual umask.
        Directory.CreateDirectory(Path.Combine(cli.Settings.Inbox, "warwickshire"));
        await cli.SucceedAsync("key", "create");

        var (wal, walFolder) = await LookAtTheWriteAheadLogDuringAJobAsync();

        Assert.True((wal & OthersRead) == 0 || (walFolder & OthersEnter) == 0, $"The write-ahead log is {wal} in a folder that is {walFolder}.");
    }

    [Fact]
    public async Task A_key_file_other_users_can_read_is_refused_before_anything_is_loaded()
    {
        await cli.SucceedAsync("key", "create");
        File.SetUnixFileMode(cli.Settings.KeyFile, OwnerOnlyFile | OthersRead);
        var waiting = SmallInbox.Write(Path.Combine(cli.Settings.Inbox, "warwickshire"), "consultations.csv", SmallInbox.Consultations("CHILD-1"));

        var result = await cli.RunAsync("load");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains($"The key file '{cli.Settings.KeyFile}' can be read by other users; make it owner-only (chmod 600)", result.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(waiting), "The waiting file was moved although nothing was loaded.");
        Assert.Equal(0, SmallInbox.LoadedConsultations(cli.Settings.Warehouse));
    }

    /// <summary>Runs <c>warehouse load</c> with a load-inbox task that writes to the warehouse and looks at the WAL while the job holds it.</summary>
    private async Task<(UnixFileMode Wal, UnixFileMode Folder)> LookAtTheWriteAheadLogDuringAJobAsync()
    {
        var wal = cli.Settings.Warehouse + ".wal";
        (UnixFileMode, UnixFileMode)? seen = null;
        cli.Tasks.Clear();
        cli.Tasks.Add(new FakeTask("load-inbox").Then(context =>
        {
            context.Warehouse.Execute("CREATE TABLE main.wal_probe AS SELECT range AS n FROM range(100); INSERT INTO main.wal_probe VALUES (-1);");
            Assert.True(File.Exists(wal), "DuckDB wrote no write-ahead log for the change.");
            seen = (File.GetUnixFileMode(wal), File.GetUnixFileMode(Path.GetDirectoryName(wal)!));
            return TaskResult.Done("looked at the write-ahead log");
        }));

        await cli.SucceedAsync("load");

        return seen ?? throw new InvalidOperationException("The load-inbox task did not run.");
    }
}
