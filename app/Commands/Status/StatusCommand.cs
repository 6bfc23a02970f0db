using System.CommandLine;
using Warehouse.App.Access;
using Warehouse.App.Cli;
using Warehouse.App.Locking;
using Warehouse.App.Output;
using Warehouse.App.Scheduling.Running;

namespace Warehouse.App.Commands.Status;

/// <summary>
/// <c>warehouse status</c>: the job running now (from the marker beside the warehouse), and the
/// recent runs in <c>ops.job_runs</c> with their outcomes. While a job holds the warehouse the
/// history cannot be read, and status says which job is running and since when.
/// </summary>
internal static class StatusCommand
{
    internal static Command Create(CommandRuntime runtime)
    {
        var last = new Option<int>("--last") { Description = "How many recent runs to show.", DefaultValueFactory = _ => 20, HelpName = "count" };
        var format = FormatOption.Create();
        var command = new Command("status", "Show the job running now and the recent runs with their outcomes.") { last, format };
        command.SetAction((parse, cancellationToken) => runtime.RunAsync(
            parse, (session, _) => Task.FromResult(Run(session, parse.GetValue(last), FormatOption.Parse(parse.GetValue(format)))), cancellationToken));
        return command;
    }

    internal static int Run(CommandSession session, int last, OutputFormat format)
    {
        if (last < 1) throw new UsageException("--last must be at least 1.");
        var zone = session.Settings.TimeZone;
        var running = RunningMarker.ReadLive(session.Settings.RunningMarker);
        IReadOnlyList<JobRunRow> runs;
        try
        {
            using var warehouse = WarehouseAccess.OpenReadOnly(session.Settings);
            runs = JobRunHistory.Recent(warehouse, last);
        }
        catch (WarehouseBusyException e) when (e.Job is not null)
        {
            session.Out.WriteLine(e.Message);
            return ExitCodes.Success;
        }
        if (running is not null)
            session.Note($"Running now: job '{running.Job}' since {BusyMessage.Describe(running.StartedAt, zone)} (process {running.ProcessId}).");
        if (runs.Count == 0) session.Note("No job has run yet.");

        var writer = session.Rows(format);
        writer.Begin([
            new("job", "VARCHAR"), new("trigger", "VARCHAR"), new("scheduled_for", "VARCHAR"), new("started", "VARCHAR"),
            new("finished", "VARCHAR"), new("outcome", "VARCHAR"), new("attempt", "INTEGER"), new("details", "VARCHAR"),
        ]);
        foreach (var run in runs)
        {
            var outcome = run.Outcome ?? (running?.RunId == run.RunId ? "running" : "unfinished");
            writer.Row([
                run.Job, run.TriggerKind, LocalTime.Format(run.ScheduledFor, zone), LocalTime.Format((DateTime?)run.StartedAt, zone),
                LocalTime.Format(run.FinishedAt, zone), outcome, run.Attempt, run.Error ?? run.Produced,
            ]);
        }
        writer.End();
        return ExitCodes.Success;
    }
}
