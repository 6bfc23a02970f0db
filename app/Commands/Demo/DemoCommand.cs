using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Warehouse.Analytics.Runs;
using Warehouse.App.Cli;
using Warehouse.App.Commands.Check;
using Warehouse.App.Commands.Load;
using Warehouse.App.Commands.Pack;
using Warehouse.App.Settings;
using Warehouse.Etl.Pseudonymisation;
using Warehouse.Reports.Packs;
using Warehouse.Store.Schema;
using Warehouse.Synthetic;

namespace Warehouse.App.Commands.Demo;

/// <summary>
/// <c>warehouse demo</c>: the whole journey on synthetic data, with no configuration. Generates
/// thirteen months of consultations and Annex A returns for both shipped partnerships (with a
/// planted over-responding locality, under-responding agency and serious under-responses), loads
/// them into a fresh demo warehouse, runs the checks, writes every output to the output folder,
/// and says what it found and where each file is.
/// </summary>
internal static class DemoCommand
{
    internal static Command Create(CommandRuntime runtime)
    {
        var size = new Option<int>("--consultations") { Description = "Consultations per partnership.", DefaultValueFactory = _ => 12_000 };
        var seed = new Option<int>("--seed") { Description = "The random seed of the synthetic data.", DefaultValueFactory = _ => 20261122 };
        var command = new Command("demo", "Generate synthetic data for both partnerships, load it, run the checks and write every output to ./out, then summarise what was found.")
        {
            size, seed,
        };
        command.SetAction((parse, token) => runtime.RunAsync(parse, async (session, ct) =>
        {
            var clock = Stopwatch.StartNew();
            var settings = DemoSettings(session.Settings);
            var output = session.Out;
            PrepareSandbox(settings, output);

            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(session.Time.GetUtcNow(), settings.TimeZone).DateTime);
            var lastMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
            var generated = await session.WithProgressAsync("Generating synthetic data…", t => Task.Run(() => SyntheticGenerator.Generate(new GeneratorOptions
            {
                Seed = parse.GetValue(seed),
                OutputFolder = settings.Inbox,
                Start = lastMonth.AddMonths(-12),
                Months = 13,
                ConsultationsPerPartnership = parse.GetValue(size),
                PlantInconsistencies = true,
                Messy = true,
                FrameworksDirectory = Directory.Exists(settings.FrameworksFolder) ? settings.FrameworksFolder : null,
            }, null, t), t), ct);
            output.WriteLine($"Generated {generated.Files.Count} synthetic source files for {generated.Manifest.Partnerships.Count} partnerships in {settings.Inbox}.");

            using var warehouse = WarehouseFile.Open(settings.Warehouse);
            var keys = PseudonymKeyChain.Load(settings.KeyFile);
            var report = await session.WithProgressAsync("Loading the inbox…",
                t => Task.Run(() => EtlServices.Loader(settings, session.Time).Load(warehouse, settings.Inbox, keys, null, t), t), ct);
            output.WriteLine($"Loaded {LoadInboxTask.Summary(report)}.");

            var packs = new List<PackResult>();
            foreach (var partnership in CheckScope.Partnerships(warehouse, null))
            {
                var month = lastMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture);
                var pack = await session.WithProgressAsync($"Checking {partnership} and writing its {month} pack…",
                    t => Task.Run(() => PackServices.CheckAndBuild(warehouse, settings, partnership, month, session.Time, t), t), ct);
                packs.Add(pack);
                output.WriteLine();
                CheckSummary.Write(output, CheckResults.Load(warehouse, pack.RunId));
                var planted = generated.Manifest.Partnerships.Single(p => p.Partnership == partnership).Planted;
                output.WriteLine($"  Planted in the synthetic data: over-response in locality {planted.OverResponseLocality}, under-response by agency {planted.UnderResponseAgency}, {planted.SeriousUnderResponses.Count} serious under-responses.");
            }

            output.WriteLine();
            output.WriteLine("Where to look:");
            foreach (var pack in packs)
            {
                output.WriteLine($"  {PackServices.Describe(pack)}");
                foreach (var group in pack.Files.GroupBy(f => Path.GetDirectoryName(f.Path)!).OrderBy(g => g.Key, StringComparer.Ordinal))
                    output.WriteLine($"    {group.Key}: {group.Count()} file(s), e.g. {Path.GetFileName(group.First().Path)}");
            }
            output.WriteLine($"  The demo warehouse: {settings.Warehouse} (query it with: WAREHOUSE_WAREHOUSE={settings.Warehouse} warehouse sql \"SELECT * FROM analytics.check_runs\").");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Done in {clock.Elapsed.TotalSeconds:F0} s."));
            return ExitCodes.Success;
        }, token));
        return command;
    }

    /// <summary>The demo's own warehouse, key and inbox under <c>&lt;dataFolder&gt;/demo</c>; outputs where the settings say.</summary>
    internal static WarehouseSettings DemoSettings(WarehouseSettings settings)
    {
        var folder = Path.Combine(settings.DataFolder, "demo");
        return settings with
        {
            Warehouse = Path.Combine(folder, "warehouse.duckdb"),
            KeyFile = Path.Combine(folder, "warehouse.key"),
            Inbox = Path.Combine(folder, "inbox"),
        };
    }

    /// <summary>Starts from an empty demo warehouse and inbox; keeps (or creates, saying so) the demo's own key.</summary>
    private static void PrepareSandbox(WarehouseSettings settings, TextWriter output)
    {
        if (Directory.Exists(settings.Inbox)) Directory.Delete(settings.Inbox, recursive: true);
        foreach (var file in new[] { settings.Warehouse, settings.Warehouse + ".wal" })
        {
            if (File.Exists(file)) File.Delete(file);
        }
        if (!File.Exists(settings.KeyFile))
        {
            PseudonymKeyChain.Create(settings.KeyFile);
            output.WriteLine($"Created the demo's pseudonymisation key {settings.KeyFile} (owner-only). Outside the demo a missing key is an error.");
        }
    }
}
