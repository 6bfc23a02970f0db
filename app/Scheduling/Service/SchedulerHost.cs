using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;
using Warehouse.App.Locking;
using Warehouse.App.Scheduling.Running;
using Warehouse.App.Tasks;

namespace Warehouse.App.Scheduling.Service;

/// <summary>
/// The Quartz.NET scheduler of <c>warehouse serve</c>: every job of the schedule with its trigger,
/// the runs missed while the service was down handled by each job's misfire policy, and a stop
/// that lets a running job finish.
/// </summary>
/// <remarks>
/// The store is Quartz's in-memory one: the schedule file is the source of truth for jobs and
/// triggers, and <c>ops.job_runs</c> for what ran, so nothing else needs to persist (see
/// docs/operations-scheduling.md).
/// </remarks>
internal sealed class SchedulerHost : IAsyncDisposable
{
    /// <summary>Threads for jobs: different jobs may wait for the warehouse side by side, one at a time holds it.</summary>
    private const int Threads = 4;
    private const int RecoveryAttempts = 5;
    private static readonly TimeSpan RecoveryRetryDelay = TimeSpan.FromMinutes(1);

    private readonly ServiceProvider services;
    private readonly SchedulerOptions options;
    private readonly ILogger log;

    private SchedulerHost(SchedulerOptions options, ServiceProvider services, IScheduler scheduler)
    {
        this.options = options;
        this.services = services;
        Scheduler = scheduler;
        log = options.Logging.CreateLogger("Warehouse.Scheduler");
    }

    internal IScheduler Scheduler { get; }

    /// <summary>Completes when the runs missed while the service was down have been dealt with.</summary>
    internal Task Recovery { get; private set; } = Task.CompletedTask;

    /// <summary>Builds, schedules and starts the scheduler. Every scheduled job must have a task.</summary>
    /// <exception cref="ScheduleException">A scheduled job has no implementation in this build.</exception>
    internal static async Task<SchedulerHost> StartAsync(SchedulerOptions options, CancellationToken cancellationToken)
    {
        options.Schedule.EnsureImplemented(options.Tasks);
        var services = BuildServices(options);
        SchedulerHost? host = null;
        try
        {
            var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler(cancellationToken);
            host = new SchedulerHost(options, services, scheduler);
            await host.ScheduleAsync(cancellationToken);
            await scheduler.Start(cancellationToken);
            host.Recovery = host.RecoverMissedRunsAsync(cancellationToken);
            return host;
        }
        catch
        {
            if (host is not null) await host.DisposeAsync();
            else await services.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops: no new firing starts, and a running job finishes before this returns.</summary>
    internal async Task StopAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<StoppingSource>().Cancel();
        log.Stopping();
        await Scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
        try
        {
            await Recovery;
        }
        catch (OperationCanceledException)
        {
            // Stopped before the missed runs were looked at; the next start looks again.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Scheduler.Status != SchedulerStatus.Shutdown) await Scheduler.Shutdown(waitForJobsToComplete: true, CancellationToken.None);
        await services.DisposeAsync();
    }

    private static ServiceProvider BuildServices(SchedulerOptions options)
    {
        var services = new ServiceCollection();
        services.AddSingleton(options.Logging);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddSingleton(options.Settings);
        services.AddSingleton(options.Schedule);
        services.AddSingleton(options.Tasks);
        services.AddSingleton(options.Time);
        services.AddSingleton<WarehouseGate>();
        services.AddSingleton<JobRunner>();
        services.AddSingleton(provider => new ServiceStopping(provider.GetRequiredService<StoppingSource>().Token));
        services.AddSingleton<StoppingSource>();
        services.AddTransient<WarehouseJob>();
        services.AddQuartz(quartz =>
        {
            quartz.UseTimeProvider(options.Time);
            quartz.UseInMemoryStore();
            quartz.UseDefaultThreadPool(Threads);
        });
        return services.BuildServiceProvider();
    }

    private async Task ScheduleAsync(CancellationToken cancellationToken)
    {
        foreach (var (name, calendar) in options.Calendars)
            await Scheduler.AddCalendar(name, calendar, new AddCalendarOptions(), cancellationToken);
        var now = options.Time.GetUtcNow();
        foreach (var job in options.Schedule.Jobs)
        {
            var detail = JobBuilder.Create<WarehouseJob>().WithIdentity(job.Name).WithDescription(job.Description).StoreDurably().Build();
            if (job.Cron is null) await Scheduler.AddJob(detail, new AddJobOptions { Replace = true }, cancellationToken);
            else await Scheduler.ScheduleJob(detail, JobTriggers.Clock(job, options.Schedule.TimeZone, now, options.Time), new ScheduleJobOptions { Replace = true }, cancellationToken);
        }
    }

    private async Task RecoverMissedRunsAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(options.Settings.Warehouse)) return; // no history: nothing was missed
        var runner = services.GetRequiredService<JobRunner>();
        var stop = services.GetRequiredService<ServiceStopping>().Token;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var lastDue = await runner.WithWarehouseAsync(JobRunHistory.LastDue, cancellationToken);
                var missed = MisfireDetector.Find(options.Schedule, options.Calendars, lastDue, options.Time.GetUtcNow());
                foreach (var run in missed) await ApplyAsync(run, runner, cancellationToken);
                return;
            }
            catch (WarehouseBusyException e) when (attempt < RecoveryAttempts)
            {
                log.LogWarning("Cannot check for runs missed while the service was down yet: {Reason}", e.Message);
                await Task.Delay(RecoveryRetryDelay, options.Time, stop);
            }
        }
    }

    private async Task ApplyAsync(MissedRun run, JobRunner runner, CancellationToken cancellationToken)
    {
        var due = BusyMessage.Describe(run.Latest, options.Schedule.TimeZone);
        var count = run.Count.ToString(CultureInfo.InvariantCulture);
        var job = run.Job.Name;
        if (run.Job.Misfire == MisfirePolicy.FireOnceNow)
        {
            log.MissedRunFiring(job, run.Count, due);
            await Scheduler.TriggerJob(new JobKey(run.Job.Name), JobData.For(TriggerKind.Misfire, run.Latest), cancellationToken);
            return;
        }
        var reason = $"Missed {count} run(s) while the service was down (latest due {due}); the job's misfire policy is skip.";
        log.MissedRunSkipped(job, reason);
        await runner.WithWarehouseAsync(
            warehouse =>
            {
                JobRunHistory.Skipped(warehouse, run.Job.Name, TriggerKind.Misfire, run.Latest, options.Time.GetUtcNow(), reason);
                return true;
            },
            cancellationToken);
    }

    /// <summary>The service's stop request, shared with the jobs through the container.</summary>
    private sealed class StoppingSource : IDisposable
    {
        private readonly CancellationTokenSource source = new();

        internal CancellationToken Token => source.Token;

        internal void Cancel() => source.Cancel();

        public void Dispose() => source.Dispose();
    }
}
