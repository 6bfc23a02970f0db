namespace Warehouse.App.Tasks;

/// <summary>
/// A unit of work the scheduler, <c>warehouse jobs run</c> and commands can run against the
/// warehouse: loading the inbox, running the checks, building the packs, purging.
/// </summary>
/// <remarks>
/// <para>The runner opens the warehouse read-write before calling <see cref="RunAsync"/> and
/// closes it afterwards, so a task never opens the file itself: it uses
/// <see cref="TaskContext.Warehouse"/>. The run (start, end, outcome, error, what it produced)
/// is recorded in <c>ops.job_runs</c> by the runner.</para>
/// <para>Throw <see cref="TransientTaskException"/> (or let an <see cref="IOException"/> or
/// <see cref="TimeoutException"/> escape) for a failure worth retrying; any other exception
/// fails the run without a retry. Exception messages are stored as the run's error sentence, so
/// they must never contain a child identifier or any other value read from a source file.</para>
/// <para>Register an implementation with <see cref="WarehouseTasks.Register"/>; a job in
/// <c>schedules.json</c> runs the task whose <see cref="Name"/> equals the job's name.</para>
/// </remarks>
public interface IWarehouseTask
{
    /// <summary>The job name this task implements, e.g. <c>load-inbox</c>.</summary>
    string Name { get; }

    /// <summary>Does the work. Pass <paramref name="cancellationToken"/> to every async call.</summary>
    Task<TaskResult> RunAsync(TaskContext context, CancellationToken cancellationToken);
}
