using System.Diagnostics;
using Warehouse.App.Locking;
using Warehouse.App.Tests.Support;
using Warehouse.Store.Schema;

namespace Warehouse.App.Tests.Locking;

public sealed class RunningMarkerTests : IDisposable
{
    private readonly TestFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_marker_written_by_a_live_process_is_read_back()
    {
        var path = folder.PathOf("warehouse.duckdb.running");
        var job = new RunningJob("load-inbox", Environment.ProcessId, TestData.Utc(2026, 3, 10, 1, 30), ProcessCheck.CurrentProcessStartedAt, "run-1");

        RunningMarker.Write(path, job);

        Assert.Equal(job, RunningMarker.ReadLive(path));
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void A_marker_left_by_a_process_that_has_ended_is_ignored()
    {
        using var ended = Process.Start(new ProcessStartInfo("perl", ["-e", "exit 0"]))!;
        ended.WaitForExit();
        var startedAt = ProcessCheck.CurrentProcessStartedAt;
        var path = folder.PathOf("warehouse.duckdb.running");
        RunningMarker.Write(path, new RunningJob("load-inbox", ended.Id, TestData.Utc(2026, 3, 10, 1, 30), startedAt, "run-1"));

        Assert.NotNull(RunningMarker.Read(path));
        Assert.Null(RunningMarker.ReadLive(path));
    }

    [Fact]
    public void A_marker_whose_process_id_now_belongs_to_another_program_is_ignored()
    {
        var path = folder.PathOf("warehouse.duckdb.running");
        var earlier = ProcessCheck.CurrentProcessStartedAt.AddHours(-3);
        RunningMarker.Write(path, new RunningJob("load-inbox", Environment.ProcessId, TestData.Utc(2026, 3, 10, 1, 30), earlier, "run-1"));

        Assert.Null(RunningMarker.ReadLive(path));
    }

    [Fact]
    public void Removing_leaves_another_runs_marker_alone()
    {
        var path = folder.PathOf("warehouse.duckdb.running");
        RunningMarker.Write(path, new RunningJob("purge", Environment.ProcessId, TestData.Utc(2026, 3, 10), ProcessCheck.CurrentProcessStartedAt, "run-2"));

        RunningMarker.Remove(path, "run-1");
        Assert.True(File.Exists(path));
        RunningMarker.Remove(path, "run-2");
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void The_busy_message_names_the_running_job_and_since_when_in_local_time()
    {
        var path = folder.PathOf("warehouse.duckdb.running");
        RunningMarker.Write(path, new RunningJob("load-inbox", Environment.ProcessId, TestData.Utc(2026, 6, 10, 0, 30), ProcessCheck.CurrentProcessStartedAt, "run-1"));

        var busy = BusyMessage.For(path, TestData.London, new WarehouseLockedException("w.duckdb", new IOException("IO Error: Conflicting lock is held in /usr/bin/x (PID 4242).")));

        Assert.Equal(
            $"The warehouse is busy: job 'load-inbox' has been running since 01:30:00 on 10 June 2026 (Europe/London) (process {Environment.ProcessId}). Try again when it has finished.",
            busy.Message);
        Assert.Equal("load-inbox", busy.Job?.Job);
    }

    [Fact]
    public void Without_a_live_marker_the_busy_message_names_the_holding_process()
    {
        var busy = BusyMessage.For(folder.PathOf("none.running"), TestData.London,
            new WarehouseLockedException("w.duckdb", new IOException("IO Error: Could not set lock on file \"w.duckdb\": Conflicting lock is held in /usr/bin/perl (PID 4242).")));

        Assert.StartsWith("The warehouse is in use by process 4242 ", busy.Message, StringComparison.Ordinal);
        Assert.Null(busy.Job);
    }
}
