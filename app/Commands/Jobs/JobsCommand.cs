using System.CommandLine;
using Warehouse.App.Cli;
using Warehouse.App.Output;
using Warehouse.App.Scheduling;
using Warehouse.App.Scheduling.Calendars;
using Warehouse.App.Tasks;

namespace Warehouse.App.Commands.Jobs;

/// <summary><c>warehouse jobs list</c> and <c>warehouse jobs run &lt;name&gt;</c>.</summary>
internal static class JobsCommand
{
    private const int FireTimesShown = 3;

    internal static Command Create(CommandRuntime runtime)
    {
        var command = new Command("jobs", "The scheduled jobs: list them with their next fire times, or run one now.");
        command.Subcommands.Add(CreateList(runtime));
        command.Subcommands.Add(CreateRun(runtime));
        return command;
    }

    private static Command CreateList(CommandRuntime runtime)
    {
        var format = FormatOption.Create();
        var command = new Command("list", "List each job, its trigger, and its next fire times (in the schedule's time zone).") { format };
        command.SetAction((parse, cancellationToken) => runtime.RunAsync(
            parse, (session, _) => Task.FromResult(List(session, FormatOption.Parse(parse.GetValue(format)))), cancellationToken));
        return command;
    }

    private static Command CreateRun(CommandRuntime runtime)
    {
        var name = new Argument<string>("name") { Description = "The job to run, as named in schedules.json (see 'warehouse jobs list')." };
        var command = new Command("run", "Run one job now (recorded as a manual run); jobs chained after it follow when it brings new data.") { name };
        command.SetAction((parse, cancellationToken) => runtime.RunAsync(
            parse, (session, token) => RunAsync(session, parse.GetValue(name)!, token), cancellationToken));
        return command;
    }

    internal static int List(CommandSession session, OutputFormat format)
    {
        var schedule = ScheduleFile.Load(session.Settings);
        var calendars = ScheduleCalendars.Build(schedule, session.Settings);
        var now = session.Time.GetUtcNow();
        var writer = session.Rows(format);
        writer.Begin([
            new("job", "VARCHAR"), new("trigger", "VARCHAR"), new("misfire", "VARCHAR"), new("retries", "VARCHAR"),
            new("implemented", "BOOLEAN"), new("next_fire_times", "VARCHAR"),
        ]);
        foreach (var job in schedule.Jobs)
        {
            var next = job.Cron is null
                ? []
                : JobTriggers.Next(job, schedule.TimeZone, job.Calendar is null ? null : calendars[job.Calendar], now, FireTimesShown)
                    .Select(t => LocalTime.Format(t, schedule.TimeZone)).ToList();
            writer.Row([
                job.Name, Describe(job, schedule.TimeZone), job.Misfire == MisfirePolicy.FireOnceNow ? "fire-once-now" : "skip",
                job.Retry.Retries == 0 ? "none" : $"{job.Retry.Retries} from {job.Retry.Backoff:c}, doubling",
                session.Tasks.Find(job.Name) is not null, next.Count == 0 ? "-" : string.Join("; ", next),
            ]);
        }
        writer.End();
        var missing = schedule.Unimplemented(session.Tasks);
        if (missing.Count > 0)
            session.Note($"No implementation in this build yet: {string.Join(", ", missing)} ('warehouse serve' will not start until every scheduled job has one).");
        return ExitCodes.Success;
    }

    internal static Task<int> RunAsync(CommandSession session, string name, CancellationToken cancellationToken)
    {
        var schedule = ScheduleFile.Load(session.Settings);
        if (schedule.Find(name) is null)
            throw new UsageException($"There is no job '{name}' in {schedule.Source}; its jobs are {string.Join(", ", schedule.Jobs.Select(j => j.Name))}.");
        return JobExecution.RunAsync(session, name, TriggerKind.Manual, schedule, cancellationToken);
    }

    private static string Describe(JobDefinition job, TimeZoneInfo zone) => job switch
    {
        { After: { } after } => $"after '{after}' brings new data",
        { Calendar: { } calendar } => $"cron '{job.Cron}' ({zone.Id}) on the {calendar} calendar",
        _ => $"cron '{job.Cron}' ({zone.Id})",
    };
}
