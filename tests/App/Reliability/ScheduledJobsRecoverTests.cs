using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Quartz;
using Warehouse.App.Commands.Check;
using Warehouse.App.Commands.Load;
using Warehouse.App.Commands.Pack;
using Warehouse.App.Commands.Purge;
using Warehouse.App.Scheduling;
using Warehouse.App.Scheduling.Calendars;
using Warehouse.App.Scheduling.Service;
using Warehouse.App.Settings;
using Warehouse.App.Tasks;
using Warehouse.App.Tests.Support;
using Warehouse.Etl.Pseudonymisation;
using Warehouse.Store.Schema;
using Warehouse.Synthetic;

namespace Warehouse.App.Tests.Reliability;

/// <summary>
/// Every job of the repository's <c>schedules.json</c>, served by the real Quartz.NET scheduler with
/// the real tasks on a fake clock, fails its first attempt with a transient fault and succeeds on the
/// retry its policy gives it, after its back-off; both attempts are in the run history. And the
/// real fault of a locked warehouse: the first attempt, which cannot open the warehouse, is only in
/// the service log; the retry runs once the lock is gone.
/// </summary>
[Trait("Category", "Reliability")]
[Collection(ReliabilitySuite.Name)]
public sealed partial class ScheduledJobsRecoverTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    private readonly TestFolder folder = new();
    private readonly JobEnds ends = new();
    private readonly CapturedLog log = new();
    private readonly ILoggerFactory logging;
    private readonly WarehouseSettings settings;
    private readonly Schedule schedule;
    private FakeClock clock = new(TestData.Utc(2026, 5, 31, 1));
    private SchedulerHost? host;

    public ScheduledJobsRecoverTests()
    {
        File.Copy(Path.Combine(Repository.Root, "schedules.json"), folder.PathOf("schedules.json"));
        settings = SettingsLoader.Load(null, new Dictionary<string, string?>
        {
            ["WAREHOUSE_FRAMEWORKSFOLDER"] = Path.Combine(AppContext.BaseDirectory, "frameworks", "data"),
        }, folder.Root);
        schedule = ScheduleFile.Load(settings);
        logging = LoggerFactory.Create(builder => builder.AddProvider(log).SetMinimumLevel(LogLevel.Debug));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // xunit 2 calls IAsyncLifetime.DisposeAsync on a test class (not IAsyncDisposable's), then Dispose.
    public async Task DisposeAsync()
    {
        if (host is not null) await host.DisposeAsync();
    }

    public void Dispose()
    {
        logging.Dispose();
        log.Dispose();
        folder.Dispose();
    }

    [Fact]
    public async Task Every_scheduled_job_fails_its_first_attempt_then_recovers_on_the_retry_and_both_attempts_are_recorded()
    {
        Assert.Equal(["load-inbox", "checks", "monthly-packs", "locality-charts", "purge"], schedule.Jobs.Select(j => j.Name));
        // As dense as the other reliability tests' data: sparser data makes disclosure control, and so
        // every pack, take a minute.
        Generate(months: 5, consultations: 5_000);
        // monthly-packs meets a real fault: its restricted folder cannot be created (a file is in the
        // way), an I/O error, so transient. The others fail as a task says it: TransientTaskException.
        var blocker = settings.RestrictedOutputFolder;
        Directory.CreateDirectory(Path.GetDirectoryName(blocker)!);
        File.WriteAllText(blocker, "in the way");
        await StartAsync(
            new FailsFirstAttempt(new LoadInboxTask(), "The inbox share was not reachable."),
            new FailsFirstAttempt(new ChecksTask(), "The warehouse was being backed up."),
            new MonthlyPacksTask(),
            new FailsFirstAttempt(new LocalityChartsTask(), "The chart renderer was not ready."),
            new FailsFirstAttempt(new PurgeTask(), "The processed folder was briefly unavailable."));

        // Sunday 31 May 2026, 03:00 BST: purge. Monday 1 June, 01:30: load-inbox, then checks (chained);
        // 06:00 locality-charts; 07:00, the first working day of June: monthly-packs.
        await FailsThenRecoversAsync("purge", TestData.Utc(2026, 5, 31, 2));
        await FailsThenRecoversAsync("load-inbox", TestData.Utc(2026, 6, 1, 0, 30));
        await FailsThenRecoversAsync("checks", null);
        await FailsThenRecoversAsync("locality-charts", TestData.Utc(2026, 6, 1, 5));
        await FailsThenRecoversAsync("monthly-packs", TestData.Utc(2026, 6, 1, 6), clearFault: () => File.Delete(blocker));
        await host!.StopAsync(CancellationToken.None).WaitAsync(Patience);

        var at = (DateTimeOffset t) => t.UtcDateTime;
        Assert.Equal([
            ("purge", "schedule", at(TestData.Utc(2026, 5, 31, 2)), at(TestData.Utc(2026, 5, 31, 2)), "failed", 1),
            ("purge", "schedule", at(TestData.Utc(2026, 5, 31, 2)), at(TestData.Utc(2026, 5, 31, 2, 15)), "succeeded", 2),
            ("load-inbox", "schedule", at(TestData.Utc(2026, 6, 1, 0, 30)), at(TestData.Utc(2026, 6, 1, 0, 30)), "failed", 1),
            ("checks", "chained", default(DateTime?), at(TestData.Utc(2026, 6, 1, 0, 35)), "failed", 1),
            ("load-inbox", "schedule", at(TestData.Utc(2026, 6, 1, 0, 30)), at(TestData.Utc(2026, 6, 1, 0, 35)), "succeeded", 2),
            ("checks", "chained", default(DateTime?), at(TestData.Utc(2026, 6, 1, 0, 40)), "succeeded", 2),
            ("locality-charts", "schedule", at(TestData.Utc(2026, 6, 1, 5)), at(TestData.Utc(2026, 6, 1, 5)), "failed", 1),
            ("locality-charts", "schedule", at(TestData.Utc(2026, 6, 1, 5)), at(TestData.Utc(2026, 6, 1, 5, 10)), "succeeded", 2),
            ("monthly-packs", "schedule", at(TestData.Utc(2026, 6, 1, 6)), at(TestData.Utc(2026, 6, 1, 6)), "failed", 1),
            ("monthly-packs", "schedule", at(TestData.Utc(2026, 6, 1, 6)), at(TestData.Utc(2026, 6, 1, 6, 10)), "succeeded", 2),
        ], RunRecord.All(settings.Warehouse).Select(r => (r.Job, r.TriggerKind, r.ScheduledFor, r.StartedAt, r.Outcome!, r.Attempt)));
        var errors = RunRecord.All(settings.Warehouse).Where(r => r.Attempt == 1).ToDictionary(r => r.Job, r => r.Error);
        Assert.Equal("The inbox share was not reachable.", errors["load-inbox"]);
        Assert.Equal($"The file '{blocker}' already exists.", errors["monthly-packs"]);

        // What the retries did is real: the inbox loaded, checks recorded, charts and the pack written.
        Assert.Empty(Directory.GetFiles(Path.Combine(settings.Inbox, "warwickshire")));
        Assert.True(TestWarehouse.Query(settings.Warehouse, w => w.Scalar<long>("SELECT count(*) FROM fact.consultation")) > 4_000);
        Assert.Equal(0, TestWarehouse.Query(settings.Warehouse, w => w.Scalar<long>("SELECT count(*) FROM analytics.check_runs WHERE finished_at IS NULL")));
        var kinds = OutputFiles.AssertAllComplete(settings.OutputFolder);
        Assert.Equal((2, true, true), (kinds[".xlsx"], kinds.ContainsKey(".png"), kinds.ContainsKey(".html")));

        // 'warehouse status' shows both attempts of every job, the second one succeeded.
        var status = await LoadedWarehouse.Cli(folder).RunAsync("status", "--last", "50", "--format", "csv");
        Assert.Equal(0, status.ExitCode);
        foreach (var job in schedule.Jobs.Select(j => j.Name))
        {
            var attempts = status.Out.Split("\r\n").Where(l => l.StartsWith(job + ",", StringComparison.Ordinal))
                .Select(l => StatusOutcome().Match(l)).Select(m => (m.Groups[1].Value, int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)))
                .Order().ToList();
            Assert.Equal([("failed", 1), ("succeeded", 2)], attempts);
        }
    }

    [Fact]
    public async Task A_job_whose_first_attempt_finds_the_warehouse_locked_runs_on_its_retry_once_the_lock_is_gone()
    {
        Generate(months: 1, consultations: 200);
        WarehouseFile.Open(settings.Warehouse).Dispose();
        clock = new FakeClock(TestData.Utc(2026, 1, 31, 23));
        await StartAsync(new LoadInboxTask(), new ChecksTask(), new MonthlyPacksTask(), new LocalityChartsTask(), new PurgeTask());
        await host!.Recovery.WaitAsync(Patience);
        var waiting = Path.Combine(settings.Inbox, "warwickshire", "consultations-2026-01.csv");

        using (var holder = new LockHolder(settings.Warehouse))
        {
            clock.AdvanceTo(TestData.Utc(2026, 2, 1, 1, 30)); // Sunday 1 February, 01:30 GMT: load-inbox
            await WaitForDelayAsync(TimeSpan.FromMinutes(5));
            Assert.Contains($"Job load-inbox could not open the warehouse: The warehouse is in use by process {holder.ProcessId} ", string.Join('\n', log.Lines), StringComparison.Ordinal);
            Assert.True(File.Exists(waiting), "the file left the inbox while the warehouse was locked");
        }
        clock.Advance(TimeSpan.FromMinutes(5));
        await ends.WaitAsync("load-inbox", 1, Patience);
        await ends.WaitAsync("checks", 1, Patience);
        await host.StopAsync(CancellationToken.None).WaitAsync(Patience);

        // An attempt that cannot open the warehouse cannot be written into it: the service log has it
        // (above), the history has the retry, numbered 2.
        var load = Assert.Single(RunRecord.All(settings.Warehouse), r => r.Job == "load-inbox");
        Assert.Equal(("schedule", RunRecord.Utc(2026, 2, 1, 1, 35), "succeeded", 2), (load.TriggerKind, load.StartedAt, load.Outcome, load.Attempt));
        Assert.False(File.Exists(waiting));
        Assert.True(File.Exists(Path.Combine(settings.Inbox, "warwickshire", "processed", "consultations-2026-01.csv")));
    }

    /// <summary>
    /// Takes one job through its failure and recovery: its fire time comes (or, for a chained job,
    /// the job before it has just brought new data), the first attempt fails, the runner waits the
    /// job's back-off on the fake clock – the sign the failure was taken for transient – and the
    /// retry runs when the clock has moved on by it.
    /// </summary>
    private async Task FailsThenRecoversAsync(string job, DateTimeOffset? fireAt, Action? clearFault = null)
    {
        var backoff = schedule.Find(job)!.Retry.DelayBefore(1);
        if (fireAt is { } due) clock.AdvanceTo(due);
        await WaitForDelayAsync(backoff);
        clearFault?.Invoke();
        clock.Advance(backoff);
        await ends.WaitAsync(job, 1, Patience);
    }

    /// <summary>Waits until a timer of exactly <paramref name="delay"/> is pending (real tasks take real seconds to get there).</summary>
    private async Task WaitForDelayAsync(TimeSpan delay)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var created = clock.NextTimerCreated;
            if (clock.PendingDelays.Contains(delay)) return;
            var left = Patience - watch.Elapsed;
            if (left <= TimeSpan.Zero) throw new TimeoutException($"No back-off of {delay} was started; the log says: {string.Join('\n', log.Lines)}");
            try
            {
                await created.WaitAsync(TimeSpan.FromMilliseconds(200));
            }
            catch (TimeoutException)
            {
                // Look again: a timer can have been created between reading the signal and the delays.
            }
        }
    }

    private void Generate(int months, int consultations)
    {
        SyntheticGenerator.Generate(new GeneratorOptions
        {
            Seed = 20260601,
            OutputFolder = settings.Inbox,
            Partnerships = ["warwickshire"],
            Start = new DateOnly(2026, 1, 1),
            Months = months,
            ConsultationsPerPartnership = consultations,
            Messy = false,
        });
        File.Delete(Path.Combine(settings.Inbox, "manifest.json"));
        PseudonymKeyChain.Create(settings.KeyFile);
    }

    private async Task StartAsync(params IWarehouseTask[] tasks)
    {
        var options = new SchedulerOptions(settings, schedule, ScheduleCalendars.Build(schedule, settings), new TaskRegistry(tasks), clock, logging);
        host = await SchedulerHost.StartAsync(options, CancellationToken.None);
        host.Scheduler.ListenerManager.AddJobListener(ends, []);
    }

    /// <summary>"job,trigger,…,outcome,attempt,details": the outcome and attempt of a status row.</summary>
    [GeneratedRegex(@",(succeeded|failed|skipped|running|unfinished),(\d+),")]
    private static partial Regex StatusOutcome();

    /// <summary>A real task whose first attempt of each run fails with a transient fault, as a flaky share would make it.</summary>
    private sealed class FailsFirstAttempt(IWarehouseTask task, string fault) : IWarehouseTask
    {
        public string Name => task.Name;

        public Task<TaskResult> RunAsync(TaskContext context, CancellationToken cancellationToken) =>
            context.Attempt == 1 ? throw new TransientTaskException(fault) : task.RunAsync(context, cancellationToken);
    }

    /// <summary>Counts each job's finished firings (retries included) and lets a test wait for the n-th.</summary>
    private sealed class JobEnds : IJobListener
    {
        private readonly ConcurrentDictionary<string, int> ended = new(StringComparer.Ordinal);

        public string Name => "reliability-job-ends";

        public async Task WaitAsync(string job, int count, TimeSpan patience)
        {
            var watch = Stopwatch.StartNew();
            while (ended.GetValueOrDefault(job) < count)
            {
                if (watch.Elapsed > patience) throw new TimeoutException($"Job {job} did not finish {count} time(s) within {patience}.");
                await Task.Delay(10);
            }
        }

        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
        {
            ended.AddOrUpdate(context.JobDetail.Key.Name, 1, (_, n) => n + 1);
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>The service log, kept for the test to read.</summary>
    private sealed class CapturedLog : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(Lines);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(formatter(state, exception));
        }
    }
}
