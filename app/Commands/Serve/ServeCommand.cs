using System.CommandLine;
using Warehouse.App.Cli;
using Warehouse.App.Scheduling;
using Warehouse.App.Scheduling.Calendars;
using Warehouse.App.Scheduling.Service;

namespace Warehouse.App.Commands.Serve;

/// <summary>
/// <c>warehouse serve</c>: runs the scheduler until Ctrl+C or SIGTERM. The warehouse is held only
/// while a job runs, so <c>sql</c>, <c>status</c>, <c>export</c> and <c>jobs</c> work while it is
/// idle; on stop, a running job finishes first.
/// </summary>
internal static class ServeCommand
{
    internal static Command Create(CommandRuntime runtime)
    {
        var command = new Command("serve", "Run the scheduled jobs until stopped (Ctrl+C or SIGTERM); a running job finishes first.");
        command.SetAction((parse, cancellationToken) => runtime.RunAsync(parse, RunAsync, cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(CommandSession session, CancellationToken stopping)
    {
        var schedule = ScheduleFile.Load(session.Settings);
        schedule.EnsureImplemented(session.Tasks);
        var calendars = ScheduleCalendars.Build(schedule, session.Settings);
        var options = new SchedulerOptions(session.Settings, schedule, calendars, session.Tasks, session.Time, session.Logging);
        await using var host = await SchedulerHost.StartAsync(options, CancellationToken.None);
        session.Note($"Serving {schedule.Jobs.Count} jobs from {session.Settings.SchedulesFile}. Press Ctrl+C to stop.");
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, session.Time, stopping);
        }
        catch (OperationCanceledException)
        {
            session.Note("Stopping: a running job finishes first (press Ctrl+C again to abandon it).");
        }
        await host.StopAsync(CancellationToken.None);
        session.Note("Stopped.");
        return ExitCodes.Success;
    }
}
