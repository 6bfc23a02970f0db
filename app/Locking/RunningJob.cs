namespace Warehouse.App.Locking;

/// <summary>
/// What the marker beside the warehouse says while a job holds the file: which job, which
/// process, since when. <paramref name="ProcessStartedAt"/> tells a live holder from a process
/// id the system has since given to another program.
/// </summary>
internal sealed record RunningJob(string Job, int ProcessId, DateTimeOffset StartedAt, DateTimeOffset ProcessStartedAt, string RunId);
