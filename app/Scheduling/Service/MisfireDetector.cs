using Quartz;

namespace Warehouse.App.Scheduling.Service;

/// <summary>
/// Finds the runs missed while the service was down. Quartz's in-memory store forgets its
/// triggers when the process ends, so the history in <c>ops.job_runs</c> is the memory: for each
/// clock job, the fire times after the latest one it ran for (or was skipped for) and before now
/// were missed. A job with no history has nothing to catch up: it was never due while known.
/// </summary>
internal static class MisfireDetector
{
    internal static IReadOnlyList<MissedRun> Find(
        Schedule schedule, IReadOnlyDictionary<string, ICalendar> calendars,
        IReadOnlyDictionary<string, DateTimeOffset> lastDue, DateTimeOffset now)
    {
        var missed = new List<MissedRun>();
        foreach (var job in schedule.Jobs.Where(j => j.Cron is not null))
        {
            if (!lastDue.TryGetValue(job.Name, out var last)) continue;
            var calendar = job.Calendar is null ? null : calendars[job.Calendar];
            // A fire time at 'now' itself is the new trigger's own first firing, not a missed one.
            var times = JobTriggers.Between(job, schedule.TimeZone, calendar, last, now.AddSeconds(-1));
            if (times.Count > 0) missed.Add(new MissedRun(job, times.Count, times[^1]));
        }
        return missed;
    }
}
