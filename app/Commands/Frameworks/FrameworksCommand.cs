using System.CommandLine;
using System.Globalization;
using Warehouse.App.Cli;
using Warehouse.App.Commands.Load;

namespace Warehouse.App.Commands.Frameworks;

/// <summary>
/// <c>warehouse frameworks list|show</c>: the threshold frameworks the warehouse applies — every
/// version with the date it takes effect, and one version's levels, names, outcomes and indicators.
/// </summary>
internal static class FrameworksCommand
{
    internal static Command Create(CommandRuntime runtime)
    {
        var command = new Command("frameworks", "List the threshold frameworks, or show one: levels, outcomes, indicators and the engine's rules.");

        var list = new Command("list", "Every partnership's framework versions and the dates they take effect.");
        list.SetAction((parse, token) => runtime.RunAsync(parse, (session, _) =>
        {
            var catalog = EtlServices.Frameworks(session.Settings);
            foreach (var partnership in catalog.Partnerships)
            {
                foreach (var version in catalog.Get(partnership).Versions)
                {
                    session.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{partnership}\t{version.Version}\tfrom {version.EffectiveFrom:yyyy-MM-dd}{(version.EffectiveTo is { } to ? $" to {to:yyyy-MM-dd}" : "")}\t{version.Source.Title}\t{version.Indicators.Count} indicators"));
                }
            }
            return Task.FromResult(ExitCodes.Success);
        }, token));

        var partnershipArgument = new Argument<string>("partnership") { Description = "A partnership, e.g. warwickshire." };
        var date = new Option<string?>("--date") { Description = "Show the version in force on this date, yyyy-MM-dd (default: the latest)." };
        var show = new Command("show", "One framework version: its levels and their names, outcomes, domains, indicators and rules.") { partnershipArgument, date };
        show.SetAction((parse, token) => runtime.RunAsync(parse, (session, _) =>
        {
            var catalog = EtlServices.Frameworks(session.Settings);
            var name = parse.GetValue(partnershipArgument)!;
            if (!catalog.TryGet(name, out var frameworks))
                throw new UsageException($"There is no framework for '{name}' (known: {string.Join(", ", catalog.Partnerships)}).");
            var framework = frameworks.Latest;
            if (parse.GetValue(date) is { } text)
            {
                var day = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                    ? d : throw new UsageException($"--date '{text}' is not a date in the form yyyy-MM-dd.");
                framework = frameworks.VersionFor(day) ?? throw new CommandFailedException($"No {name} framework version is in force on {day:yyyy-MM-dd}.");
            }
            var output = session.Out;
            output.WriteLine($"{framework.PartnershipName}: {framework.Source.Title}, version {framework.Version}, in force from {framework.EffectiveFrom:yyyy-MM-dd}.");
            output.WriteLine($"\"{framework.NotAChecklist.Quote}\" The indicated level is a prompt for reflection, never a verdict.");
            output.WriteLine("Levels:");
            foreach (var level in framework.Levels) output.WriteLine($"  {level.Number} {level.Code}: {string.Join(" / ", level.Names)}");
            output.WriteLine("Outcomes:");
            foreach (var outcome in framework.Outcomes)
                output.WriteLine($"  {outcome.Code} → level {outcome.Level.Number}{(outcome.VisibleInAnnexA ? ", visible in Annex A" : "")}: {outcome.Label}");
            output.WriteLine("Indicators:");
            foreach (var indicator in framework.Indicators)
                output.WriteLine($"  {indicator.Code} [level {indicator.Level.Number}, {indicator.Domain.Name}{(indicator.TopLevelOnItsOwn ? ", top level on its own" : "")}] {indicator.Text}");
            output.WriteLine("Engine rules:");
            foreach (var rule in framework.Rules) output.WriteLine($"  {rule.Id} ({rule.Kind}): {rule.Judgement}");
            return Task.FromResult(ExitCodes.Success);
        }, token));

        command.Subcommands.Add(list);
        command.Subcommands.Add(show);
        return command;
    }
}
