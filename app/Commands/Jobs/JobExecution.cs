using Warehouse.App.Cli;
using Warehouse.App.Scheduling;
using Warehouse.App.Scheduling.Running;
using Warehouse.App.Tasks;

namespace Warehouse.App.Commands.Jobs;

/// <summary>
/// Runs a task now, in this process, the way a command does (<c>jobs run</c>, and commands such
/// as <c>load</c>): recorded in <c>ops.job_runs</c> with its trigger kind, no retries (a person is
/// waiting), and the jobs chained after it run next when it brought new data.
/// </summary>
internal static class JobExecution
{
    /// <summary>
    /// Runs <paramref name="job"/> as a command does (e.g. <c>warehouse load</c> runs <c>load-inbox</c>
    /// with <see cref="TriggerKind.Command"/>); the jobs chained after it in <c>schedules.json</c>,
    /// when there is one, follow it. Returns the exit code.
    /// </summary>
    internal static Task<int> RunAsync(CommandSession session, string job, TriggerKind trigger, CancellationToken cancellationToken)
    {
        var schedule = File.Exists(session.Settings.SchedulesFile) ? ScheduleFile.Load(session.Settings) : null;
        return RunAsync(session, job, trigger, schedule, cancellationToken);
    }

    /// <summary>Runs <paramref name="job"/>; returns the exit code (1 when it or a chained job failed).</summary>
    internal static async Task<int> RunAsync(CommandSession session, string job, TriggerKind trigger, Schedule? schedule, CancellationToken cancellationToken)
    {
        if (session.Tasks.Find(job) is null)
            throw new CommandFailedException($"Job '{job}' has no implementation in this build yet (no task is registered under that name).");
        using var gate = new WarehouseGate();
        var runner = new JobRunner(session.Settings, session.Tasks, session.Time, gate, session.Logging);
        var pending = new Queue<(string Job, TriggerKind Trigger)>([(job, trigger)]);
        var exitCode = ExitCodes.Success;
        while (pending.TryDequeue(out var next))
        {
            var outcome = await session.WithProgressAsync(
                $"Running {next.Job}…",
                token => runner.RunAsync(new JobRequest(next.Job, next.Trigger, null, RetryRule.None), token, token),
                cancellationToken);
            if (outcome.IsFailure)
            {
                session.Note($"Job '{next.Job}' failed: {outcome.Error}");
                exitCode = ExitCodes.Failure;
                continue;
            }
            session.Out.WriteLine($"Job '{next.Job}' {outcome.Outcome}: {outcome.Produced}");
            if (!outcome.NewData || schedule is null) continue;
            foreach (var chained in schedule.ChainedAfter(next.Job))
            {
                if (session.Tasks.Find(chained.Name) is null) session.Note($"Job '{chained.Name}' follows '{next.Job}' but has no implementation in this build yet.");
                else pending.Enqueue((chained.Name, TriggerKind.Chained));
            }
        }
        return exitCode;
    }
}
