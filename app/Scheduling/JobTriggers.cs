using Quartz;
using Quartz.Extensibility;

namespace Warehouse.App.Scheduling;

/// <summary>Quartz triggers for the schedule's clock jobs, and their fire times.</summary>
internal static class JobTriggers
{
    internal const string ScheduleGroup = "schedule";

    /// <summary>The cron trigger of a clock job, in the schedule's time zone, starting at <paramref name="startAt"/>.</summary>
    internal static ITrigger Clock(JobDefinition job, TimeZoneInfo zone, DateTimeOffset startAt, TimeProvider time)
    {
        if (job.Cron is null) throw new ArgumentException($"Job '{job.Name}' is chained, not on a clock.", nameof(job));
        var instruction = job.Misfire == MisfirePolicy.FireOnceNow
            ? CronTriggerMisfireInstruction.FireAndProceed
            : CronTriggerMisfireInstruction.DoNothing;
        var builder = TriggerBuilder.Create(time)
            .WithIdentity(job.Name, ScheduleGroup)
            .ForJob(new JobKey(job.Name))
            .WithCronSchedule(job.Cron, cron => cron.InTimeZone(zone).WithMisfireInstruction(instruction))
            .StartAt(startAt);
        if (job.Calendar is not null) builder = builder.WithCalendarName(job.Calendar);
        return builder.Build();
    }

    /// <summary>The next <paramref name="count"/> fire times after <paramref name="from"/>, calendar applied.</summary>
    internal static IReadOnlyList<DateTimeOffset> Next(JobDefinition job, TimeZoneInfo zone, ICalendar? calendar, DateTimeOffset from, int count) =>
        [.. TriggerFireTimes.Compute(Clock(job, zone, from, new FixedTime(from)), calendar, count)];

    /// <summary>The fire times in (<paramref name="after"/>, <paramref name="until"/>], calendar applied.</summary>
    internal static IReadOnlyList<DateTimeOffset> Between(JobDefinition job, TimeZoneInfo zone, ICalendar? calendar, DateTimeOffset after, DateTimeOffset until)
    {
        var from = after.AddSeconds(1);
        if (from > until) return [];
        return [.. TriggerFireTimes.ComputeBetween(Clock(job, zone, from, new FixedTime(from)), calendar, from, until)];
    }
}
