using Warehouse.App.Cli;
using Warehouse.App.Locking;
using Warehouse.App.Tasks;
using Warehouse.App.Tests.Support;

namespace Warehouse.App.Tests.Locking;

/// <summary>What the commands say while another process – a job of 'serve' – holds the warehouse.</summary>
public sealed class BusyWarehouseTests : IDisposable
{
    private readonly TestFolder folder = new();
    private readonly CliHarness cli;

    public BusyWarehouseTests()
    {
        cli = new CliHarness(folder);
        folder.Write("schedules.json", TestData.Schedule);
        TestWarehouse.Create(cli.Settings.Warehouse);
    }

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Sql_export_and_jobs_run_name_the_running_job_and_status_reports_it()
    {
        using var holder = new LockHolder(cli.Settings.Warehouse);
        RunningMarker.Write(cli.Settings.RunningMarker, new RunningJob("load-inbox", holder.ProcessId, TestData.Utc(2026, 3, 10, 1, 30), holder.StartedAt, "run-1"));
        cli.Tasks.Add(new FakeTask("load-inbox"));
        const string busy = "The warehouse is busy: job 'load-inbox' has been running since 01:30:00 on 10 March 2026 (Europe/London)";

        var sql = await cli.RunAsync("sql", "SELECT 1");
        var export = await cli.RunAsync("export", "--table", "dim.locality");
        var run = await cli.RunAsync("jobs", "run", "load-inbox");
        var status = await cli.RunAsync("status");

        Assert.Equal((ExitCodes.Failure, true), (sql.ExitCode, sql.Error.StartsWith(busy, StringComparison.Ordinal)));
        Assert.Equal((ExitCodes.Failure, true), (export.ExitCode, export.Error.StartsWith(busy, StringComparison.Ordinal)));
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains(busy, run.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, status.ExitCode);
        Assert.StartsWith(busy, status.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_marker_is_ignored_and_the_holding_process_is_named()
    {
        using var holder = new LockHolder(cli.Settings.Warehouse);
        RunningMarker.Write(cli.Settings.RunningMarker, new RunningJob("load-inbox", holder.ProcessId, TestData.Utc(2026, 3, 10, 1, 30), holder.StartedAt.AddDays(-2), "run-1"));

        var sql = await cli.RunAsync("sql", "SELECT 1");

        Assert.Equal(ExitCodes.Failure, sql.ExitCode);
        Assert.StartsWith($"The warehouse is in use by process {holder.ProcessId} ", sql.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("load-inbox", sql.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sql_and_status_work_while_serve_is_idle()
    {
        // An idle service holds nothing: no lock, and no marker (or only a stale one).
        RunningMarker.Write(cli.Settings.RunningMarker, new RunningJob("purge", 999_999, TestData.Utc(2026, 3, 1), TestData.Utc(2026, 3, 1), "old"));

        var sql = await cli.RunAsync("sql", "SELECT count(*) AS n FROM dim.locality", "--format", "csv");
        var status = await cli.RunAsync("status");

        Assert.Equal((ExitCodes.Success, "n\r\n2\r\n"), (sql.ExitCode, sql.Out));
        Assert.Equal(ExitCodes.Success, status.ExitCode);
        Assert.DoesNotContain("Running now", status.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_writes_the_marker_while_it_runs_and_removes_it_after()
    {
        RunningJob? seen = null;
        var task = new FakeTask("load-inbox").Then(context =>
        {
            seen = RunningMarker.ReadLive(context.Settings.RunningMarker);
            return TaskResult.Done("0 files");
        });
        cli.Tasks.Add(task);

        var run = await cli.RunAsync("jobs", "run", "load-inbox");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.NotNull(seen);
        Assert.Equal(("load-inbox", Environment.ProcessId, TestData.Utc(2026, 3, 10, 12)), (seen.Job, seen.ProcessId, seen.StartedAt));
        Assert.Equal(Assert.Single(task.Calls).RunId, seen.RunId);
        Assert.False(File.Exists(cli.Settings.RunningMarker));
    }
}
