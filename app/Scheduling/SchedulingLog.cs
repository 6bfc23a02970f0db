using Microsoft.Extensions.Logging;

namespace Warehouse.App.Scheduling;

/// <summary>The scheduler's log lines (source-generated, so a disabled level costs nothing).</summary>
internal static partial class SchedulingLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job} started ({Trigger}, attempt {Attempt}).")]
    internal static partial void JobStarted(this ILogger log, string job, string trigger, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job} {Outcome}: {Produced}")]
    internal static partial void JobFinished(this ILogger log, string job, string outcome, string produced);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job} missed {Count} run(s) while the service was down (latest due {Due}); running it once now.")]
    internal static partial void MissedRunFiring(this ILogger log, string job, int count, string due);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job}: {Reason}")]
    internal static partial void MissedRunSkipped(this ILogger log, string job, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: no new job starts, and a running job finishes first.")]
    internal static partial void Stopping(this ILogger log);
}
