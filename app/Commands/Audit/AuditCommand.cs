using System.CommandLine;
using System.Globalization;
using Warehouse.Analytics.Audit;
using Warehouse.App.Access;
using Warehouse.App.Cli;
using Warehouse.App.Commands.Load;
using Warehouse.Etl.Loading;
using Warehouse.Etl.Sources.Audit;
using Warehouse.Reports.Audit;

namespace Warehouse.App.Commands.Audit;

/// <summary>
/// <c>warehouse audit sample|import|findings</c>: the threshold audit loop (docs/audit.md) — a
/// stratified, seeded sample with one restricted workbook per auditor; the import of completed
/// workbooks; the design-weighted findings.
/// </summary>
internal static class AuditCommand
{
    internal static Command Create(CommandRuntime runtime)
    {
        var command = new Command("audit", "Run a threshold audit: draw a sample and write the auditors' workbooks, import completed workbooks, compute the findings.");
        command.Subcommands.Add(Sample(runtime));
        command.Subcommands.Add(Import(runtime));
        command.Subcommands.Add(Findings(runtime));
        return command;
    }

    private static Command Sample(CommandRuntime runtime)
    {
        var partnership = new Option<string>("--partnership") { Description = "The partnership.", Required = true };
        var period = new Option<string>("--period") { Description = "The month whose assessable consultations are sampled, yyyy-MM.", Required = true };
        var size = new Option<int>("--size") { Description = "How many cases.", Required = true };
        var seed = new Option<long>("--seed") { Description = "The random seed (the same seed draws the same sample).", Required = true };
        var auditors = new Option<string>("--auditors") { Description = "Auditor references the QA lead assigns (codes, never names), comma-separated.", Required = true };
        var moderation = new Option<double>("--moderation") { Description = "Share of cases given to two auditors.", DefaultValueFactory = _ => 0.10 };
        var blind = new Option<bool>("--blind") { Description = "Show neither the outcome nor any recorded or derived level in the workbooks." };
        var sample = new Command("sample", "Draw a stratified random sample (locality × agreed / over / under; every serious under-response included) and write one owner-only workbook per auditor.")
        {
            partnership, period, size, seed, auditors, moderation, blind,
        };
        sample.SetAction((parse, token) => runtime.RunAsync(parse, (session, ct) => Guarded(() =>
        {
            using var warehouse = WarehouseAccess.OpenForJob(session.Settings);
            var drawn = AuditSampler.Draw(warehouse, new AuditSampleRequest
            {
                Partnership = parse.GetValue(partnership)!,
                Month = Check.CheckScope.Month(parse.GetValue(period)!),
                Size = parse.GetValue(size),
                Seed = parse.GetValue(seed),
                Auditors = parse.GetValue(auditors)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                ModerationShare = parse.GetValue(moderation),
                Blind = parse.GetValue(blind),
                WindowDays = session.Settings.ActualLevelWindowDays,
            }, session.Time, ct);
            var folder = Path.Combine(session.Settings.RestrictedOutputFolder, drawn.Partnership, "audit", drawn.AuditId);
            var books = AuditWorkbooks.Write(warehouse, drawn.AuditId, folder, session.Time, ct);
            session.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Audit {drawn.AuditId}: {drawn.Size} of {drawn.Population:N0} assessable consultations in {drawn.Period:yyyy-MM} ({drawn.Moderated} moderated by a second auditor)."));
            foreach (var note in drawn.Notes) session.Out.WriteLine("  " + note);
            foreach (var book in books) session.Out.WriteLine($"  {book.AuditorRef}: {book.Cases} cases, {book.Path}");
        }), token));
        return sample;
    }

    private static Command Import(CommandRuntime runtime)
    {
        var file = new Argument<string>("file") { Description = "A completed audit workbook." };
        var import = new Command("import", "Import a completed audit workbook: judgements replace those of the same audit and auditor; bad rows are rejects with their row numbers.") { file };
        import.SetAction((parse, token) => runtime.RunAsync(parse, (session, _) =>
        {
            var path = Path.GetFullPath(parse.GetValue(file)!);
            if (!File.Exists(path)) throw new UsageException($"There is no file '{path}'.");
            using var warehouse = WarehouseAccess.OpenForJob(session.Settings);
            var result = AuditReturnImport.Import(warehouse, EtlServices.Frameworks(session.Settings), path, session.Time, EtlServices.Options(session.Settings));
            session.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{result.FileName}: {result.Outcome.ToString().ToLowerInvariant()}, {result.RowsLoaded} judgements, {result.RowsRejected} rejected{(result.Reason is null ? "" : " – " + result.Reason)}"));
            return Task.FromResult(result.Outcome == FileOutcome.Loaded ? ExitCodes.Success : ExitCodes.Failure);
        }, token));
        return import;
    }

    private static Command Findings(CommandRuntime runtime)
    {
        var audit = new Argument<string>("audit-id") { Description = "The audit, as 'audit sample' printed it." };
        var findings = new Command("findings", "Compute the audit's findings: the design-weighted right-level rate with its interval, and the sample's agreement figures.") { audit };
        findings.SetAction((parse, token) => runtime.RunAsync(parse, (session, ct) => Guarded(() =>
        {
            using var warehouse = WarehouseAccess.OpenForJob(session.Settings);
            var result = AuditFindings.Compute(warehouse, parse.GetValue(audit)!, session.Time, ct);
            var rate = result.RightLevel;
            session.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Audit {result.AuditId} ({result.Partnership} {result.Period:yyyy-MM}): {rate.Judged} of {rate.Sampled} sampled cases judged."));
            session.Out.WriteLine(rate.Rate is { } r
                ? string.Create(CultureInfo.InvariantCulture, $"  Right level (auditor's level = recommended), weighted to the month: {r:P1} (95% interval {rate.Lower:P1} to {rate.Upper:P1}).")
                : "  Right level: not available (no judged case).");
            session.Out.WriteLine("  The sample's agreement figures are in analytics.audit_findings; the next pack reports them with disclosure control.");
        }), token));
        return findings;
    }

    /// <summary>The audit library's refusals (bad request, unknown audit) as one clear sentence.</summary>
    private static Task<int> Guarded(Action work)
    {
        try
        {
            work();
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", string.Empty, StringComparison.Ordinal));
        }
        catch (InvalidOperationException e)
        {
            throw new CommandFailedException(e.Message);
        }
        return Task.FromResult(ExitCodes.Success);
    }
}
