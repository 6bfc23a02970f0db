using System.CommandLine;
using System.Globalization;
using System.Text;
using Warehouse.App.Access;
using Warehouse.App.Cli;
using Warehouse.App.Commands.Load;
using Warehouse.Etl.Governance;

namespace Warehouse.App.Commands.Subject;

/// <summary>
/// <c>warehouse subject</c>: a data subject's records, found through the child's keyed pseudonym;
/// with <c>--erase</c> or <c>--correct</c>, acted on and logged (pseudonym, action, user, time).
/// The child id is read from standard input or a prompt that does not echo — never from the
/// command line, which shell history and <c>ps</c> keep.
/// </summary>
internal static class SubjectCommand
{
    internal static Command Create(CommandRuntime runtime)
    {
        var partnership = new Option<string>("--partnership") { Description = "The partnership whose records to act on (required with --erase or --correct)." };
        var erase = new Option<bool>("--erase") { Description = "Erase the child's records everywhere and keep the pseudonym on the erasure list, so later loads do not bring them back." };
        var correct = new Option<bool>("--correct") { Description = "Move records filed under a wrong child id to the right one (reads two ids: the wrong, then the right)." };
        var consultation = new Option<string[]>("--consultation") { Description = "With --correct: only these consultations.", AllowMultipleArgumentsPerToken = true };
        var command = new Command("subject", "Find, erase or correct one child's records. The child id is read from standard input or a hidden prompt, never from the command line.")
        {
            partnership, erase, correct, consultation,
        };
        command.SetAction((parse, token) => runtime.RunAsync(parse, (session, _) =>
        {
            var chosen = parse.GetValue(partnership);
            if (parse.GetValue(erase) && parse.GetValue(correct)) throw new UsageException("Give --erase or --correct, not both.");
            if ((parse.GetValue(erase) || parse.GetValue(correct)) && string.IsNullOrWhiteSpace(chosen))
                throw new UsageException("--erase and --correct need --partnership.");
            var action = parse.GetValue(erase) ? "erase" : parse.GetValue(correct) ? "correct" : "find";
            long rows = 0;
            var outcome = "failed";
            try
            {
                using var warehouse = WarehouseAccess.OpenForJob(session.Settings);
                var keys = EtlServices.Keys(session.Settings, warehouse);
                var subjects = new SubjectAccess(keys, session.Time);
                var rawId = ReadId(session, action == "correct" ? "Wrong child id" : "Child id");
                var records = subjects.Find(warehouse, rawId, chosen);
                Show(session, records);
                rows = records.RowCounts.Values.Sum();
                if (action == "erase")
                {
                    var report = subjects.Erase(warehouse, chosen!, rawId);
                    rows = report.TotalRowsChanged;
                    session.Out.WriteLine($"Erased {report.TotalRowsChanged:N0} rows; pseudonym {report.Pseudonym} is on the erasure list. Run 'warehouse purge' or wait for the weekly purge to compact the file.");
                }
                else if (action == "correct")
                {
                    var rightId = ReadId(session, "Right child id");
                    var only = parse.GetValue(consultation) is { Length: > 0 } ids ? ids : null;
                    var report = subjects.Correct(warehouse, chosen!, rawId, rightId, only);
                    rows = report.TotalRowsChanged;
                    if (report.NeedsDerivation) EtlServices.Loader(session.Settings, session.Time).Derive(warehouse, chosen!, null);
                    session.Out.WriteLine($"Moved {report.TotalRowsChanged:N0} rows from {report.Pseudonym} to {report.OtherPseudonym}.");
                }
                outcome = "ok";
                return Task.FromResult(ExitCodes.Success);
            }
            catch (InvalidOperationException e)
            {
                throw new CommandFailedException(e.Message);
            }
            finally
            {
                // Never the id nor its pseudonym: only what was done and how many rows.
                AccessLog.Append(session.Settings.AccessLog, new AccessLogEntry(session.Time.GetUtcNow(), session.Environment.UserName, "subject",
                    $"{action} {chosen ?? "all partnerships"}", rows, outcome));
            }
        }, token));
        return command;
    }

    /// <summary>Reads one id: a line of standard input when it is redirected, else a prompt that does not echo.</summary>
    private static string ReadId(CommandSession session, string prompt)
    {
        string? id;
        if (Console.IsInputRedirected)
        {
            id = Console.In.ReadLine();
        }
        else
        {
            session.Note(prompt + " (not shown): ");
            var typed = new StringBuilder();
            while (true)
            {
                var key = Console.ReadKey(intercept: true);
                if (key.Key == ConsoleKey.Enter) break;
                if (key.Key == ConsoleKey.Backspace) { if (typed.Length > 0) typed.Length--; }
                else typed.Append(key.KeyChar);
            }
            id = typed.ToString();
        }
        return string.IsNullOrWhiteSpace(id) ? throw new UsageException("No child id was given on standard input.") : id;
    }

    private static void Show(CommandSession session, SubjectRecords records)
    {
        session.Out.WriteLine($"Pseudonym {records.Pseudonym}{(records.ErasedIn.Count > 0 ? $" (erased in {string.Join(", ", records.ErasedIn)})" : "")}");
        if (records.IsEmpty)
        {
            session.Out.WriteLine("The warehouse holds no record about this child.");
            return;
        }
        foreach (var (table, count) in records.RowCounts.Where(r => r.Value > 0))
            session.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {table}: {count:N0} rows"));
        foreach (var c in records.Consultations)
            session.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  consultation {c.ConsultationId} ({c.Partnership}) {c.ConsultationDate:yyyy-MM-dd}, {c.Locality}, {c.CallerAgency}, outcome {c.Outcome}, recommended {c.RecommendedLevel}, actual {c.ActualLevel} ({c.ActualSource})"));
        foreach (var e in records.Events)
            session.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  Annex A List {e.ListNumber} {e.EventKind} {e.EventDate:yyyy-MM-dd} ({e.Partnership})"));
    }
}
