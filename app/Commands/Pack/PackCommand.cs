using System.CommandLine;
using Warehouse.App.Access;
using Warehouse.App.Cli;
using Warehouse.App.Commands.Check;

namespace Warehouse.App.Commands.Pack;

/// <summary>
/// <c>warehouse pack [--partnership P] [--month yyyy-MM]</c>: runs the checks and writes the
/// monthly outputs — the executive workbook and its CSVs, charts and locality briefings to the
/// publishable folder; the QA workbook to the restricted folder.
/// </summary>
internal static class PackCommand
{
    internal static Command Create(CommandRuntime runtime)
    {
        var partnership = new Option<string?>("--partnership") { Description = "Only this partnership (default: every partnership with data)." };
        var month = new Option<string?>("--month") { Description = "The pack month, yyyy-MM (default: the month of each partnership's latest consultation)." };
        var command = new Command("pack", "Write the monthly executive pack (xlsx and CSV), charts and locality briefings, and the restricted QA workbook.")
        {
            partnership, month,
        };
        command.SetAction((parse, token) => runtime.RunAsync(parse, async (session, ct) =>
        {
            var requested = parse.GetValue(month) is { } m ? CheckScope.Month(m) : null;
            using var warehouse = WarehouseAccess.OpenForJob(session.Settings);
            foreach (var p in CheckScope.Partnerships(warehouse, parse.GetValue(partnership)))
            {
                var forMonth = requested ?? CheckScope.LatestMonth(warehouse, p);
                var outcome = "failed";
                long files = 0;
                try
                {
                    var pack = await session.WithProgressAsync($"Building the {p} pack for {forMonth}…",
                        t => Task.FromResult(PackServices.CheckAndBuild(warehouse, session.Settings, p, forMonth, session.Time, t)), ct);
                    files = pack.Files.Count;
                    outcome = "ok";
                    session.Out.WriteLine(PackServices.Describe(pack));
                }
                finally
                {
                    // Output runs are recorded like queries and exports: who, when, what, how many files.
                    AccessLog.Append(session.Settings.AccessLog, new AccessLogEntry(session.Time.GetUtcNow(), session.Environment.UserName, "pack", $"{p} {forMonth}", files, outcome));
                }
            }
            return ExitCodes.Success;
        }, token));
        return command;
    }
}
