using Microsoft.Extensions.Logging;
using Warehouse.App.Access;
using Warehouse.App.Cli;
using Warehouse.App.Locking;
using Warehouse.App.Settings;
using Warehouse.App.Tasks;
using Warehouse.Store.DuckDb;

namespace Warehouse.App.Scheduling.Running;

/// <summary>
/// Runs one job: opens the warehouse only for the run, writes the marker beside it, records the
/// attempt in <c>ops.job_runs</c> as it starts and as it ends, and retries a transient failure
/// after its back-off (waiting on the injected clock, outside the warehouse, so others can use it
/// meanwhile). Every caller – the scheduler, <c>jobs run</c>, a command – goes through here.
/// </summary>
internal sealed class JobRunner(WarehouseSettings settings, TaskRegistry tasks, TimeProvider time, WarehouseGate gate, ILoggerFactory logging)
{
    private readonly ILogger log = logging.CreateLogger("Warehouse.Jobs");

    /// <summary>Runs the job with its retries.</summary>
    /// <param name="request">The job, why it runs, and its retry rule.</param>
    /// <param name="stopping">Signalled when the service stops: no further retry starts, but a running attempt finishes.</param>
    /// <param name="cancellationToken">Passed to the task; signalled only to interrupt it.</param>
    internal async Task<JobRunOutcome> RunAsync(JobRequest request, CancellationToken stopping, CancellationToken cancellationToken)
    {
        var task = tasks.Find(request.Job)
            ?? throw new InvalidOperationException($"Job '{request.Job}' has no implementation in this build (no task is registered under that name).");
        for (var attempt = 1; ; attempt++)
        {
            var (outcome, transient) = await AttemptAsync(task, request, attempt, cancellationToken);
            if (!outcome.IsFailure || !transient || attempt > request.Retry.Retries) return outcome;

            var delay = request.Retry.DelayBefore(attempt);
            log.LogWarning("Job {Job} attempt {Attempt} failed ({Error}); retrying in {Delay}.", request.Job, attempt, outcome.Error, delay);
            using var either = CancellationTokenSource.CreateLinkedTokenSource(stopping, cancellationToken);
            try
            {
                await Task.Delay(delay, time, either.Token);
            }
            catch (OperationCanceledException)
            {
                log.LogWarning("Job {Job} will not be retried: the service is stopping.", request.Job);
                return outcome;
            }
        }
    }

    /// <summary>
    /// Reads or writes the warehouse outside a job (the scheduler's own bookkeeping), taking its
    /// turn with the jobs of this process.
    /// </summary>
    internal async Task<T> WithWarehouseAsync<T>(Func<DuckDbConnection, T> work, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            using var warehouse = WarehouseAccess.OpenForJob(settings);
            return work(warehouse);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<(JobRunOutcome Outcome, bool Transient)> AttemptAsync(IWarehouseTask task, JobRequest request, int attempt, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            DuckDbConnection warehouse;
            try
            {
                warehouse = WarehouseAccess.OpenForJob(settings);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Nothing can be recorded in a warehouse this process cannot open: the log says it.
                log.LogWarning("Job {Job} could not open the warehouse: {Error}", request.Job, ErrorText.ForPerson(e));
                if (log.IsEnabled(LogLevel.Debug)) log.LogDebug(e, "Job {Job} open failure details", request.Job);
                return (new JobRunOutcome(request.Job, JobRunOutcome.Failed, null, ErrorText.ForPerson(e), false, attempt), TransientFailures.IsTransient(e));
            }
            Action? afterRelease = null;
            (JobRunOutcome Outcome, bool Transient) attempted;
            using (warehouse)
            {
                attempted = await RunInWarehouseAsync(task, request, attempt, warehouse, work => afterRelease = work, cancellationToken);
            }
            // Work that needs the warehouse file closed (compaction rewrites it) runs after the
            // connection is released, still under the gate so no other job opens it meanwhile.
            afterRelease?.Invoke();
            return attempted;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<(JobRunOutcome Outcome, bool Transient)> RunInWarehouseAsync(
        IWarehouseTask task, JobRequest request, int attempt, DuckDbConnection warehouse, Action<Action> deferUntilReleased, CancellationToken cancellationToken)
    {
        var runId = Guid.NewGuid().ToString();
        var started = time.GetUtcNow();
        RunningMarker.Write(settings.RunningMarker, new RunningJob(request.Job, Environment.ProcessId, started, ProcessCheck.CurrentProcessStartedAt, runId));
        try
        {
            JobRunHistory.Started(warehouse, runId, request.Job, request.Trigger, request.ScheduledFor, started, attempt);
            var job = request.Job;
            var trigger = request.Trigger.ToText();
            log.JobStarted(job, trigger, attempt);
            var context = new TaskContext
            {
                RunId = runId,
                JobName = request.Job,
                Trigger = request.Trigger,
                ScheduledFor = request.ScheduledFor,
                Attempt = attempt,
                Warehouse = warehouse,
                Settings = settings,
                Time = time,
                Log = logging.CreateLogger("Warehouse.Jobs." + request.Job),
            };
            try
            {
                var result = await task.RunAsync(context, cancellationToken);
                var outcome = result.Skipped ? JobRunOutcome.Skipped : JobRunOutcome.Succeeded;
                Finish(warehouse, runId, outcome, null, result.Produced);
                log.JobFinished(job, outcome, result.Produced);
                if (result.AfterWarehouseReleased is { } after) deferUntilReleased(after);
                return (new JobRunOutcome(request.Job, outcome, result.Produced, null, result.NewData && !result.Skipped, attempt), false);
            }
            catch (Exception e)
            {
                var error = e is OperationCanceledException && cancellationToken.IsCancellationRequested
                    ? "The run was interrupted before it finished."
                    : ErrorText.ForRecord(e);
                Finish(warehouse, runId, JobRunOutcome.Failed, error, null);
                // One sentence for people; the exception itself only when --verbose asks for debug logging.
                log.LogError("Job {Job} failed: {Error}", job, error);
                if (log.IsEnabled(LogLevel.Debug)) log.LogDebug(e, "Job {Job} failure details", job);
                return (new JobRunOutcome(request.Job, JobRunOutcome.Failed, null, error, false, attempt), TransientFailures.IsTransient(e));
            }
        }
        finally
        {
            RunningMarker.Remove(settings.RunningMarker, runId);
        }
    }

    private void Finish(DuckDbConnection warehouse, string runId, string outcome, string? error, string? produced)
    {
        try
        {
            try
            {
                JobRunHistory.Finished(warehouse, runId, time.GetUtcNow(), outcome, error, produced);
            }
            catch (DuckDbException e) when (!e.IsEnvironmentFault)
            {
                // A task that failed inside a transaction leaves it aborted; end it and record again.
                warehouse.Execute("ROLLBACK");
                JobRunHistory.Finished(warehouse, runId, time.GetUtcNow(), outcome, error, produced);
            }
        }
        catch (DuckDbException e) when (e.IsEnvironmentFault)
        {
            // A full disk or a fatal error has made the warehouse unusable for this process: the run
            // cannot be recorded in it, and trying must not hide the error that ended the run.
            log.LogWarning("The outcome of run {RunId} ({Outcome}) could not be recorded in the warehouse: {Error}", runId, outcome, ErrorText.ForRecord(e));
        }
    }
}
