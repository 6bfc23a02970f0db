namespace Warehouse.App.Scheduling.Running;

/// <summary>A row of <c>ops.job_runs</c>, as <c>status</c> shows it (times in UTC).</summary>
internal sealed record JobRunRow(
    string RunId, string Job, string TriggerKind, DateTime? ScheduledFor, DateTime StartedAt,
    DateTime? FinishedAt, string? Outcome, string? Error, string? Produced, int Attempt);
