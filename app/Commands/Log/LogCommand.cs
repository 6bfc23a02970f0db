using System.CommandLine;
using System.Globalization;
using Warehouse.App.Access;
using Warehouse.App.Cli;
using Warehouse.App.Output;

namespace Warehouse.App.Commands.Log;

/// <summary><c>warehouse log</c>: who ran which query or export, when, and how many rows.</summary>
internal static class LogCommand
{
    internal static Command Create(CommandRuntime runtime)
    {
        var last = new Option<int>("--last") { Description = "How many recent entries to show (0 for all).", DefaultValueFactory = _ => 50, HelpName = "count" };
        var format = FormatOption.Create();
        var command = new Command("log", "Show the access log: every sql and export run, who ran it and when.") { last, format };
        command.SetAction((parse, cancellationToken) => runtime.RunAsync(
            parse, (session, _) => Task.FromResult(Run(session, parse.GetValue(last), FormatOption.Parse(parse.GetValue(format)))), cancellationToken));
        return command;
    }

    internal static int Run(CommandSession session, int last, OutputFormat format)
    {
        if (last < 0) throw new UsageException("--last cannot be negative.");
        var (entries, unreadable) = AccessLog.Read(session.Settings.AccessLog);
        if (unreadable > 0) session.Note($"{unreadable.ToString(CultureInfo.InvariantCulture)} line(s) of {session.Settings.AccessLog} could not be read and are not shown.");
        if (entries.Count == 0) session.Note("The access log is empty: no sql or export has run yet.");
        var shown = last == 0 ? entries : entries.Skip(Math.Max(0, entries.Count - last));
        var writer = session.Rows(format);
        writer.Begin([
            new("at", "VARCHAR"), new("user", "VARCHAR"), new("command", "VARCHAR"),
            new("rows", "BIGINT"), new("outcome", "VARCHAR"), new("what", "VARCHAR"),
        ]);
        foreach (var entry in shown)
            writer.Row([LocalTime.Format(entry.At, session.Settings.TimeZone), entry.User, entry.Command, entry.Rows, entry.Outcome, entry.What]);
        writer.End();
        return ExitCodes.Success;
    }
}
