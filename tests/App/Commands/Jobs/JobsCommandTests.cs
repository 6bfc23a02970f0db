using Warehouse.App.Cli;
using Warehouse.App.Tasks;
using Warehouse.App.Tests.Support;

namespace Warehouse.App.Tests.Commands.Jobs;

public sealed class JobsCommandTests : IDisposable
{
    private readonly TestFolder folder = new();
    private readonly CliHarness cli;

    public JobsCommandTests()
    {
        cli = new CliHarness(folder) { Time = new FakeClock(TestData.Utc(2028, 4, 29, 12)) };
        folder.Write("schedules.json", TestData.Schedule);
        folder.Write("frameworks/data/common/bank-holidays.csv", TestData.BankHolidays);
    }

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task List_shows_each_trigger_and_its_next_fire_times_in_london_time()
    {
        cli.Tasks.Add(new FakeTask("load-inbox"));

        var result = await cli.RunAsync("jobs", "list", "--format", "csv");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var lines = result.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("job,trigger,misfire,retries,implemented,next_fire_times", lines[0]);
        Assert.Equal("load-inbox,cron '0 30 1 * * ?' (Europe/London),fire-once-now,\"3 from 00:05:00, doubling\",true,"
            + "2028-04-30 01:30:00 +01:00; 2028-05-01 01:30:00 +01:00; 2028-05-02 01:30:00 +01:00", lines[1]);
        Assert.Equal("checks,after 'load-inbox' brings new data,skip,none,false,-", lines[2]);
        Assert.StartsWith("monthly-packs,cron '0 0 7 * * ?' (Europe/London) on the first-working-day-of-month calendar,fire-once-now,", lines[3], StringComparison.Ordinal);
        Assert.EndsWith(",false,2028-05-02 07:00:00 +01:00; 2028-06-01 07:00:00 +01:00; 2028-07-03 07:00:00 +01:00", lines[3], StringComparison.Ordinal);
        Assert.Contains("No implementation in this build yet: checks, monthly-packs, locality-charts, purge", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_schedule_is_named_at_start_with_exit_2()
    {
        folder.Write("schedules.json", """{ "jobs": [ { "name": "purge", "cron": "0 0 25 * * ?", "misfire": "skip", "retries": 0 } ] }""");

        var result = await cli.RunAsync("jobs", "list");

        Assert.Equal(ExitCodes.BadUsage, result.ExitCode);
        Assert.StartsWith("schedules.json: job 'purge' has a bad cron expression '0 0 25 * * ?'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_records_a_manual_run_and_runs_the_checks_after_new_data()
    {
        cli.Tasks.Add(new FakeTask("load-inbox").Then(_ => TaskResult.Done("1 file, 12 rows", newData: true)));
        cli.Tasks.Add(new FakeTask("checks").Then(_ => TaskResult.Done("9 checks")));

        var result = await cli.RunAsync("jobs", "run", "load-inbox");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal("Job 'load-inbox' succeeded: 1 file, 12 rows\nJob 'checks' succeeded: 9 checks\n", result.Out.ReplaceLineEndings("\n"));
        Assert.Equal([("checks", "chained"), ("load-inbox", "manual")], RunRecord.All(cli.Settings.Warehouse).Select(r => (r.Job, r.TriggerKind)).Order());
    }

    [Fact]
    public async Task Run_does_not_run_the_checks_when_nothing_new_arrived()
    {
        var checks = new FakeTask("checks");
        cli.Tasks.Add(new FakeTask("load-inbox").Then(_ => TaskResult.Done("0 files")));
        cli.Tasks.Add(checks);

        var result = await cli.RunAsync("jobs", "run", "load-inbox");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Empty(checks.Calls);
    }

    [Fact]
    public async Task A_failed_run_is_exit_1_with_its_error()
    {
        cli.Tasks.Add(new FakeTask("purge").Then(_ => throw new InvalidOperationException("The retention period is not set.")));

        var result = await cli.RunAsync("jobs", "run", "purge");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Equal("Job 'purge' failed: The retention period is not set.", result.Error.Trim());
        Assert.Equal("failed", Assert.Single(RunRecord.All(cli.Settings.Warehouse)).Outcome);
    }

    [Fact]
    public async Task An_unknown_job_is_bad_usage_and_a_job_without_a_task_is_a_failure()
    {
        var unknown = await cli.RunAsync("jobs", "run", "load");
        var unimplemented = await cli.RunAsync("jobs", "run", "purge");

        Assert.Equal(ExitCodes.BadUsage, unknown.ExitCode);
        Assert.StartsWith("There is no job 'load' in schedules.json; its jobs are load-inbox, checks,", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Failure, unimplemented.ExitCode);
        Assert.StartsWith("Job 'purge' has no implementation in this build yet", unimplemented.Error, StringComparison.Ordinal);
    }
}
