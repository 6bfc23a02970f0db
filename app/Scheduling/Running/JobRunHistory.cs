using Dapper;
using Warehouse.App.Tasks;
using Warehouse.Store.DuckDb;

namespace Warehouse.App.Scheduling.Running;

/// <summary>Reads and writes <c>ops.job_runs</c>: one row per attempt, written as it starts and as it ends.</summary>
internal static class JobRunHistory
{
    private const string InsertStarted = """
        INSERT INTO ops.job_runs (run_id, job, trigger_kind, scheduled_for, started_at, attempt)
        VALUES ($run_id, $job, $trigger_kind, $scheduled_for, $started_at, $attempt)
        """;

    private const string UpdateFinished = """
        UPDATE ops.job_runs SET finished_at = $finished_at, outcome = $outcome, error = $error, produced = $produced
        WHERE run_id = $run_id
        """;

    private const string InsertSkipped = """
        INSERT INTO ops.job_runs (run_id, job, trigger_kind, scheduled_for, started_at, finished_at, outcome, produced, attempt)
        VALUES ($run_id, $job, $trigger_kind, $scheduled_for, $at, $at, 'skipped', $produced, 1)
        """;

    private const string SelectLastDue = """
        SELECT job AS Job, max(coalesce(scheduled_for, started_at)) AS LastDue FROM ops.job_runs GROUP BY job
        """;

    private const string SelectRecent = """
        SELECT run_id AS RunId, job AS Job, trigger_kind AS TriggerKind, scheduled_for AS ScheduledFor,
               started_at AS StartedAt, finished_at AS FinishedAt, outcome AS Outcome, error AS Error,
               produced AS Produced, attempt AS Attempt
        FROM ops.job_runs ORDER BY started_at DESC, attempt DESC LIMIT $limit
        """;

    static JobRunHistory() => DuckDbDapper.Register();

    internal static void Started(DuckDbConnection warehouse, string runId, string job, TriggerKind trigger, DateTimeOffset? scheduledFor, DateTimeOffset startedAt, int attempt) =>
        warehouse.Execute(InsertStarted, new { run_id = runId, job, trigger_kind = trigger.ToText(), scheduled_for = scheduledFor, started_at = startedAt, attempt });

    internal static void Finished(DuckDbConnection warehouse, string runId, DateTimeOffset finishedAt, string outcome, string? error, string? produced) =>
        warehouse.Execute(UpdateFinished, new { run_id = runId, finished_at = finishedAt, outcome, error, produced });

    /// <summary>Records a fire time that was not run (a missed run under the <c>skip</c> policy).</summary>
    internal static void Skipped(DuckDbConnection warehouse, string job, TriggerKind trigger, DateTimeOffset scheduledFor, DateTimeOffset at, string reason) =>
        warehouse.Execute(InsertSkipped, new { run_id = Guid.NewGuid().ToString(), job, trigger_kind = trigger.ToText(), scheduled_for = scheduledFor, at, produced = reason });

    /// <summary>For each job, the latest fire time it ran (or was skipped) for, or when it last ran unscheduled.</summary>
    internal static IReadOnlyDictionary<string, DateTimeOffset> LastDue(DuckDbConnection warehouse) =>
        warehouse.Query<(string Job, DateTime LastDue)>(SelectLastDue)
            .ToDictionary(r => r.Job, r => new DateTimeOffset(DateTime.SpecifyKind(r.LastDue, DateTimeKind.Utc)), StringComparer.Ordinal);

    internal static IReadOnlyList<JobRunRow> Recent(DuckDbConnection warehouse, int limit) =>
        [.. warehouse.Query<JobRunRow>(SelectRecent, new { limit })];
}
