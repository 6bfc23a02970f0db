using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Quartz;
using Warehouse.App.Scheduling;
using Warehouse.App.Scheduling.Calendars;
using Warehouse.App.Scheduling.Service;
using Warehouse.App.Settings;
using Warehouse.App.Tasks;
using Warehouse.App.Tests.Support;

namespace Warehouse.App.Tests.Scheduling.Service;

/// <summary>The real Quartz.NET scheduler, driven by a fake clock and fake tasks.</summary>
public sealed class SchedulerHostTests : IAsyncLifetime, IDisposable
{
    private readonly TestFolder folder = new();
    private readonly WarehouseSettings settings;
    private readonly Schedule schedule;
    private readonly Dictionary<string, FakeTask> tasks;
    private readonly JobWatcher watcher = new();
    private FakeClock clock = new(TestData.Utc(2026, 3, 10, 12));
    private SchedulerHost? host;

    public SchedulerHostTests()
    {
        folder.Write("frameworks/data/common/bank-holidays.csv", TestData.BankHolidays);
        settings = SettingsLoader.Load(null, new Dictionary<string, string?>(), folder.Root);
        schedule = ScheduleFile.Parse(TestData.Schedule, "schedules.json", TimeZoneInfo.Utc);
        tasks = schedule.Jobs.ToDictionary(j => j.Name, j => new FakeTask(j.Name));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // IAsyncLifetime, not IAsyncDisposable: xunit 2 calls only the former (then Dispose), and the test folders piled up.
    public async Task DisposeAsync()
    {
        foreach (var task in tasks.Values) task.Release();
        if (host is not null) await host.DisposeAsync();
    }

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task A_clock_trigger_fires_at_its_local_time_when_the_fake_clock_reaches_it()
    {
        clock = new FakeClock(TestData.Utc(2026, 3, 28, 12));
        await StartAsync();

        clock.AdvanceTo(TestData.Utc(2026, 3, 29, 1, 0)); // 01:30 does not exist on 29 March: 02:00 BST
        var context = await tasks["load-inbox"].WaitStartedAsync();
        await StopAsync();

        Assert.Equal((TriggerKind.Schedule, TestData.Utc(2026, 3, 29, 1, 0)), (context.Trigger, context.ScheduledFor));
        var row = Assert.Single(RunRecord.All(settings.Warehouse));
        Assert.Equal(("load-inbox", "schedule", RunRecord.Utc(2026, 3, 29, 1, 0), "succeeded"), (row.Job, row.TriggerKind, row.ScheduledFor, row.Outcome));
    }

    [Fact]
    public async Task A_job_never_runs_alongside_itself()
    {
        var load = tasks["load-inbox"];
        load.Hold();
        await StartAsync();

        await Fire("load-inbox");
        await load.WaitStartedAsync();
        await Fire("load-inbox");
        // The second firing is held back (its trigger blocked) while the first runs – or, were the
        // job allowed to overlap, it would start: wait for whichever happens.
        await WaitUntilAsync(async () => (await Host.Scheduler.QueryTriggers(new TriggerQuery { Job = new JobKey("load-inbox"), State = TriggerState.Blocked }))
                                             .Items.Any(t => t.Key.Group != JobTriggers.ScheduleGroup)
                                       || watcher.Started("load-inbox") > 1);
        load.Release();
        await load.WaitStartedAsync();
        await StopAsync();

        Assert.Equal(1, watcher.MostAtOnce("load-inbox"));
        Assert.Equal(2, load.Calls.Count);
        Assert.Equal(["succeeded", "succeeded"], RunRecord.All(settings.Warehouse).Select(r => r.Outcome));
    }

    [Fact]
    public async Task Checks_follow_a_load_that_brought_new_data()
    {
        tasks["load-inbox"].Then(_ => TaskResult.Done("2 files, 80 rows", newData: true));
        await StartAsync();

        await Fire("load-inbox");
        var checks = await tasks["checks"].WaitStartedAsync();
        await StopAsync();

        Assert.Equal(TriggerKind.Chained, checks.Trigger);
        Assert.Equal([("checks", "chained"), ("load-inbox", "manual")], RunRecord.All(settings.Warehouse).Select(r => (r.Job, r.TriggerKind)).Order());
    }

    [Fact]
    public async Task Checks_do_not_follow_a_load_that_brought_nothing_new()
    {
        tasks["load-inbox"].Then(_ => TaskResult.Done("0 files"));
        await StartAsync();

        await Fire("load-inbox");
        await watcher.FinishedAsync("load-inbox");
        await StopAsync(); // waits for anything the load started

        Assert.Empty(tasks["checks"].Calls);
        Assert.Equal(["load-inbox"], RunRecord.All(settings.Warehouse).Select(r => r.Job));
    }

    [Fact]
    public async Task A_run_missed_while_the_service_was_down_fires_once_now_under_fire_once_now()
    {
        SeedHistory();
        clock = new FakeClock(TestData.Utc(2026, 3, 10, 9));
        await StartAsync();

        var context = await tasks["load-inbox"].WaitStartedAsync();
        await Host.Recovery.WaitAsync(TimeSpan.FromSeconds(20));
        await StopAsync();

        // Two nightly runs were missed (9 and 10 March, 01:30); one run stands in for them.
        Assert.Equal((TriggerKind.Misfire, TestData.Utc(2026, 3, 10, 1, 30)), (context.Trigger, context.ScheduledFor));
        Assert.Single(tasks["load-inbox"].Calls);
        var row = RunRecord.All(settings.Warehouse).Single(r => r.Job == "load-inbox" && r.TriggerKind == "misfire");
        Assert.Equal((RunRecord.Utc(2026, 3, 10, 1, 30), "succeeded"), (row.ScheduledFor, row.Outcome));
    }

    [Fact]
    public async Task A_run_missed_while_the_service_was_down_is_recorded_as_skipped_under_skip()
    {
        SeedHistory();
        clock = new FakeClock(TestData.Utc(2026, 3, 10, 9));
        await StartAsync();

        await Host.Recovery.WaitAsync(TimeSpan.FromSeconds(20));
        await tasks["load-inbox"].WaitStartedAsync();
        await StopAsync();

        Assert.Empty(tasks["purge"].Calls);
        var skipped = RunRecord.All(settings.Warehouse).Single(r => r.Job == "purge" && r.TriggerKind == "misfire");
        Assert.Equal((RunRecord.Utc(2026, 3, 8, 3, 0), "skipped"), (skipped.ScheduledFor, skipped.Outcome));
        Assert.StartsWith("Missed 1 run(s) while the service was down (latest due 03:00:00 on 8 March 2026 (Europe/London))", skipped.Produced, StringComparison.Ordinal);
        // Jobs whose last run is their latest fire time missed nothing.
        Assert.Empty(tasks["monthly-packs"].Calls);
        Assert.Empty(tasks["locality-charts"].Calls);
    }

    [Fact]
    public async Task Stopping_lets_a_running_job_finish()
    {
        var load = tasks["load-inbox"];
        load.Hold();
        await StartAsync();
        await Fire("load-inbox");
        await load.WaitStartedAsync();

        var stopping = Host.StopAsync(CancellationToken.None);
        await WaitUntilAsync(() => Task.FromResult(Host.Scheduler.Status == SchedulerStatus.ShuttingDown));
        Assert.False(stopping.IsCompleted);
        load.Release();
        await stopping.WaitAsync(TimeSpan.FromSeconds(20));

        var row = Assert.Single(RunRecord.All(settings.Warehouse));
        Assert.Equal("succeeded", row.Outcome);
    }

    [Fact]
    public async Task Serving_refuses_a_schedule_with_jobs_that_have_no_task()
    {
        tasks.Remove("purge");
        tasks.Remove("checks");

        var error = await Assert.ThrowsAsync<ScheduleException>(StartAsync);

        Assert.Contains("checks, purge", error.Message, StringComparison.Ordinal);
    }

    private SchedulerHost Host => host ?? throw new InvalidOperationException("Not started.");

    private async Task StartAsync()
    {
        var calendars = ScheduleCalendars.Build(schedule with { TimeZone = TestData.London }, settings);
        var options = new SchedulerOptions(settings, schedule with { TimeZone = TestData.London }, calendars,
            new TaskRegistry(tasks.Values), clock, NullLoggerFactory.Instance);
        host = await SchedulerHost.StartAsync(options, CancellationToken.None);
        host.Scheduler.ListenerManager.AddJobListener(watcher, []);
    }

    private Task StopAsync() => Host.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));

    private async Task Fire(string job) => await Host.Scheduler.TriggerJob(new JobKey(job), JobData.For(TriggerKind.Manual), CancellationToken.None);

    /// <summary>History as of 10 March 2026, 09:00 UTC: the load last ran for 8 March, the purge for 1 March.</summary>
    private void SeedHistory() => TestWarehouse.Create(settings.Warehouse, """
        INSERT INTO ops.job_runs VALUES
          ('r1', 'load-inbox', 'schedule', TIMESTAMPTZ '2026-03-08 01:30:00+00', TIMESTAMPTZ '2026-03-08 01:30:00+00', TIMESTAMPTZ '2026-03-08 01:31:00+00', 'succeeded', NULL, '1 file', 1),
          ('r2', 'purge', 'schedule', TIMESTAMPTZ '2026-03-01 03:00:00+00', TIMESTAMPTZ '2026-03-01 03:00:00+00', TIMESTAMPTZ '2026-03-01 03:01:00+00', 'succeeded', NULL, '0 rows', 1),
          ('r3', 'monthly-packs', 'schedule', TIMESTAMPTZ '2026-03-02 07:00:00+00', TIMESTAMPTZ '2026-03-02 07:00:00+00', TIMESTAMPTZ '2026-03-02 07:05:00+00', 'succeeded', NULL, '2 packs', 1),
          ('r4', 'locality-charts', 'schedule', TIMESTAMPTZ '2026-03-09 06:00:00+00', TIMESTAMPTZ '2026-03-09 06:00:00+00', TIMESTAMPTZ '2026-03-09 06:02:00+00', 'succeeded', NULL, '6 charts', 1);
        """);

    /// <summary>Waits for a state the scheduler reaches on its own threads (bounded; no clock involved).</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(20)) throw new TimeoutException("The scheduler did not reach the expected state.");
            await Task.Yield();
        }
    }
}
