using Quartz;
using Warehouse.App.Scheduling.Running;
using Warehouse.App.Tasks;

namespace Warehouse.App.Scheduling.Service;

/// <summary>
/// The one Quartz job type: each job of the schedule is a <see cref="IJobDetail"/> of this type
/// under its own name, resolving its task from the registry through <see cref="JobRunner"/>.
/// A job never runs alongside itself; after a run that brought new data, the jobs chained after
/// it are fired.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class WarehouseJob(JobRunner runner, Schedule schedule, ServiceStopping stopping) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var name = context.JobDetail.Key.Name;
        var job = schedule.Find(name) ?? throw new JobExecutionException($"Job '{name}' is not in the schedule.");
        var (kind, scheduledFor) = JobData.Read(context);
        var outcome = await runner.RunAsync(new JobRequest(name, kind, scheduledFor, job.Retry), stopping.Token, cancellationToken);
        context.Result = outcome;
        if (!outcome.NewData) return;
        foreach (var next in schedule.ChainedAfter(name))
            await context.Scheduler.TriggerJob(new JobKey(next.Name), JobData.For(TriggerKind.Chained), cancellationToken);
    }
}
