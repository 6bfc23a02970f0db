using Warehouse.App.Cli;
using Warehouse.App.Locking;
using Warehouse.App.Tests.Support;

namespace Warehouse.App.Tests.Commands.Status;

public sealed class StatusCommandTests : IDisposable
{
    private readonly TestFolder folder = new();
    private readonly CliHarness cli;

    public StatusCommandTests() => cli = new CliHarness(folder);

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Status_lists_recent_runs_newest_first_in_local_time()
    {
        TestWarehouse.Create(cli.Settings.Warehouse, """
            INSERT INTO ops.job_runs VALUES
              ('r1', 'load-inbox', 'schedule', TIMESTAMPTZ '2026-06-09 00:30:00+00', TIMESTAMPTZ '2026-06-09 00:30:00+00', TIMESTAMPTZ '2026-06-09 00:32:00+00', 'failed', 'The inbox share was not reachable.', NULL, 1),
              ('r2', 'load-inbox', 'schedule', TIMESTAMPTZ '2026-06-09 00:30:00+00', TIMESTAMPTZ '2026-06-09 00:37:00+00', TIMESTAMPTZ '2026-06-09 00:40:00+00', 'succeeded', NULL, '3 files, 120 rows', 2),
              ('r3', 'checks', 'chained', NULL, TIMESTAMPTZ '2026-06-09 00:41:00+00', NULL, NULL, NULL, NULL, 1);
            """);

        var result = await cli.RunAsync("status", "--format", "csv");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(string.Join("\r\n",
            "job,trigger,scheduled_for,started,finished,outcome,attempt,details",
            "checks,chained,,2026-06-09 01:41:00 +01:00,,unfinished,1,",
            "load-inbox,schedule,2026-06-09 01:30:00 +01:00,2026-06-09 01:37:00 +01:00,2026-06-09 01:40:00 +01:00,succeeded,2,\"3 files, 120 rows\"",
            "load-inbox,schedule,2026-06-09 01:30:00 +01:00,2026-06-09 01:30:00 +01:00,2026-06-09 01:32:00 +01:00,failed,1,The inbox share was not reachable.",
            ""), result.Out);
    }

    [Fact]
    public async Task A_run_still_going_in_a_live_process_is_shown_as_running()
    {
        TestWarehouse.Create(cli.Settings.Warehouse, """
            INSERT INTO ops.job_runs (run_id, job, trigger_kind, started_at, attempt) VALUES ('live-run', 'purge', 'manual', TIMESTAMPTZ '2026-06-09 02:00:00+00', 1);
            """);
        RunningMarker.Write(cli.Settings.RunningMarker, new RunningJob("purge", Environment.ProcessId, TestData.Utc(2026, 6, 9, 2), ProcessCheck.CurrentProcessStartedAt, "live-run"));

        var result = await cli.RunAsync("status", "--format", "csv");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains(",running,", result.Out, StringComparison.Ordinal);
        Assert.StartsWith("Running now: job 'purge' since 03:00:00 on 9 June 2026 (Europe/London)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_without_a_warehouse_says_what_to_do()
    {
        var result = await cli.RunAsync("status");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("run 'warehouse load' or 'warehouse demo' first", result.Error, StringComparison.Ordinal);
    }
}
