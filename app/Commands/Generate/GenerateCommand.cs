using System.CommandLine;
using System.Globalization;
using Warehouse.App.Cli;
using Warehouse.Synthetic;

namespace Warehouse.App.Commands.Generate;

/// <summary>
/// <c>warehouse generate</c>: writes synthetic source files (consultations, Annex A returns,
/// reference data) for both partnerships into a folder laid out like the inbox, with a manifest of
/// what was planted. Seeded: the same options give the same bytes.
/// </summary>
internal static class GenerateCommand
{
    internal static Command Create(CommandRuntime runtime)
    {
        var output = new Option<string?>("--output") { Description = "The folder to write into (default: the inbox, so 'warehouse load' picks the files up)." };
        var seed = new Option<int>("--seed") { Description = "The random seed.", DefaultValueFactory = _ => 20261122 };
        var start = new Option<string>("--start") { Description = "The first month, yyyy-MM.", DefaultValueFactory = _ => "2025-10" };
        var months = new Option<int>("--months") { Description = "How many months (1 to 120).", DefaultValueFactory = _ => 13 };
        var size = new Option<int>("--consultations") { Description = "Consultations per partnership (100 to 10,000,000).", DefaultValueFactory = _ => 20_000 };
        var partnership = new Option<string[]>("--partnership") { Description = "Only these partnerships (default: every shipped one).", AllowMultipleArgumentsPerToken = true };
        var plant = new Option<bool>("--plant") { Description = "Plant an over-responding locality, an under-responding agency and serious under-responses (listed in manifest.json)." };
        var tidy = new Option<bool>("--tidy") { Description = "Write clean files instead of the mess real exports contain." };

        var command = new Command("generate", "Write synthetic consultations, Annex A returns and reference data for the shipped partnerships (no real child's data).")
        {
            output, seed, start, months, size, partnership, plant, tidy,
        };
        command.SetAction((parse, token) => runtime.RunAsync(parse, async (session, ct) =>
        {
            if (!DateOnly.TryParseExact(parse.GetValue(start) + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
                throw new UsageException($"--start '{parse.GetValue(start)}' is not a month in the form yyyy-MM.");
            var options = new GeneratorOptions
            {
                Seed = parse.GetValue(seed),
                OutputFolder = parse.GetValue(output) ?? session.Settings.Inbox,
                Start = first,
                Months = parse.GetValue(months),
                ConsultationsPerPartnership = parse.GetValue(size),
                Partnerships = parse.GetValue(partnership) is { Length: > 0 } only ? only : null,
                PlantInconsistencies = parse.GetValue(plant),
                Messy = !parse.GetValue(tidy),
                FrameworksDirectory = Directory.Exists(session.Settings.FrameworksFolder) ? session.Settings.FrameworksFolder : null,
            };
            var generated = await session.WithProgressAsync("Generating synthetic data…",
                t => Task.Run(() => Generator.Run(options, t), t), ct);
            session.Out.WriteLine($"Wrote {generated.Files.Count} files to {generated.OutputFolder} (manifest: {generated.ManifestPath}).");
            return ExitCodes.Success;
        }, token));
        return command;
    }
}
