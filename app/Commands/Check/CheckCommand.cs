using System.CommandLine;
using System.Globalization;
using Warehouse.Analytics.Runs;
using Warehouse.App.Access;
using Warehouse.App.Cli;

namespace Warehouse.App.Commands.Check;

/// <summary>
/// <c>warehouse check [--partnership P] [--month yyyy-MM] [--cut-off yyyy-MM-dd]</c>: runs the
/// threshold-consistency checks and records the run; prints what it found.
/// </summary>
internal static class CheckCommand
{
    internal static Command Create(CommandRuntime runtime)
    {
        var partnership = new Option<string?>("--partnership") { Description = "Only this partnership (default: every partnership with data)." };
        var month = new Option<string?>("--month") { Description = "The pack month, yyyy-MM (default: the month of each partnership's latest consultation)." };
        var cutOff = new Option<string?>("--cut-off") { Description = "The data cut-off, yyyy-MM-dd (default: the latest date the loaded sources cover)." };
        var command = new Command("check", "Run the threshold-consistency checks and record the run (agreement, kappa, funnels, pathway, equality, timeliness, exceptions).")
        {
            partnership, month, cutOff,
        };
        command.SetAction((parse, token) => runtime.RunAsync(parse, async (session, ct) =>
        {
            DateOnly? given = null;
            if (parse.GetValue(cutOff) is { } text)
            {
                given = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                    ? day : throw new UsageException($"--cut-off '{text}' is not a date in the form yyyy-MM-dd.");
            }
            var requested = parse.GetValue(month) is { } m ? CheckScope.Month(m) : null;
            using var warehouse = WarehouseAccess.OpenForJob(session.Settings);
            foreach (var p in CheckScope.Partnerships(warehouse, parse.GetValue(partnership)))
            {
                var forMonth = requested ?? CheckScope.LatestMonth(warehouse, p);
                var runId = await session.WithProgressAsync($"Checking {p} {forMonth}…",
                    t => Task.FromResult(CheckRunner.Run(warehouse, ChecksTask.Request(session.Settings, p, forMonth, given), session.Time, t)), ct);
                CheckSummary.Write(session.Out, CheckResults.Load(warehouse, runId));
            }
            return ExitCodes.Success;
        }, token));
        return command;
    }
}
