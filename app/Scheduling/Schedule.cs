using Warehouse.App.Tasks;

namespace Warehouse.App.Scheduling;

/// <summary>The jobs of <c>schedules.json</c>, checked: every cron parses, every calendar and chained job exists.</summary>
internal sealed record Schedule(string Source, TimeZoneInfo TimeZone, IReadOnlyList<JobDefinition> Jobs)
{
    internal JobDefinition? Find(string name) => Jobs.FirstOrDefault(j => j.Name == name);

    /// <summary>The jobs that run after a run of <paramref name="job"/> brought new data.</summary>
    internal IReadOnlyList<JobDefinition> ChainedAfter(string job) => [.. Jobs.Where(j => j.After == job)];

    /// <summary>The scheduled jobs this build has no task for.</summary>
    internal IReadOnlyList<string> Unimplemented(TaskRegistry tasks) => [.. Jobs.Where(j => tasks.Find(j.Name) is null).Select(j => j.Name)];

    /// <summary>Refuses to serve a schedule naming jobs without an implementation, naming each.</summary>
    internal void EnsureImplemented(TaskRegistry tasks)
    {
        var missing = Unimplemented(tasks);
        if (missing.Count == 0) return;
        throw new ScheduleException([
            $"{Source} schedules {(missing.Count == 1 ? "a job" : "jobs")} this build cannot run yet (no task is registered): {string.Join(", ", missing)}. " +
            "Register their tasks in Program.cs, or remove them from the schedule.",
        ]);
    }
}
