using Warehouse.App.Tasks;

namespace Warehouse.App.Scheduling.Running;

/// <summary>A run to make: which job, why, for which fire time, and how to retry it.</summary>
internal sealed record JobRequest(string Job, TriggerKind Trigger, DateTimeOffset? ScheduledFor, RetryRule Retry);
