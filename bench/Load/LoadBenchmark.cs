using System.Diagnostics;
using System.Text;
using Warehouse.Etl.Loading;
using Warehouse.Etl.Pseudonymisation;
using Warehouse.Frameworks;
using Warehouse.Store.DuckDb;
using Warehouse.Store.Schema;
using Warehouse.Synthetic;

namespace Warehouse.Bench.Load;

/// <summary>
/// Loading N generated consultations (one partnership, twelve monthly CSVs) through the inbox —
/// read, validate, pseudonymise, publish, derive actual and indicated levels — against a bare
/// <c>CREATE TABLE … AS SELECT * FROM read_csv(…)</c> of the same files into an on-disk database
/// in the same run.
/// </summary>
internal static class LoadBenchmark
{
    internal static Measurement Run(long consultations, string workFolder)
    {
        var folder = Path.Combine(workFolder, $"load-{consultations}");
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        var inbox = Path.Combine(folder, "inbox");
        SyntheticGenerator.Generate(new GeneratorOptions
        {
            Seed = 20261122,
            OutputFolder = inbox,
            Partnerships = ["warwickshire"],
            Start = new DateOnly(2025, 10, 1),
            Months = 12,
            ConsultationsPerPartnership = (int)consultations,
            Messy = false,
        });
        // Consultations only: Annex A returns are a different source with their own reader.
        var partnershipFolder = Path.Combine(inbox, "warwickshire");
        foreach (var file in Directory.GetFiles(partnershipFolder).Where(f => !Path.GetFileName(f).StartsWith("consultations-", StringComparison.Ordinal)))
        {
            File.Delete(file);
        }
        File.Delete(Path.Combine(inbox, "manifest.json"));
        var csvFiles = Directory.GetFiles(partnershipFolder, "*.csv").Order(StringComparer.Ordinal).ToList();

        var baseline = Stopwatch.StartNew();
        using (var bare = new DuckDbConnection(Path.Combine(folder, "bare.duckdb")))
        {
            bare.Open();
            for (var i = 0; i < csvFiles.Count; i++)
            {
                bare.Execute($"CREATE TABLE c{i} AS SELECT * FROM read_csv('{csvFiles[i]}')");
            }
        }
        baseline.Stop();

        GC.Collect();
        var keys = PseudonymKeyChain.FromKeys([Encoding.UTF8.GetBytes("benchmark key, not for real data")]);
        var loader = new InboxLoader(FrameworkCatalog.LoadEmbedded(), ReferenceData.LoadEmbedded(), new LoadOptions(), new FixedNow(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero)));
        Warehouse.Etl.Loading.StepTimings.Enabled = true;
        var load = Stopwatch.StartNew();
        using (var warehouse = WarehouseFile.Open(Path.Combine(folder, "warehouse.duckdb")))
        {
            var report = loader.Load(warehouse, inbox, keys);
            var loaded = report.Files.Sum(f => f.RowsLoaded);
            if (loaded != consultations) throw new InvalidOperationException($"Loaded {loaded} consultations, expected {consultations}.");
        }
        load.Stop();
        Warehouse.Etl.Loading.StepTimings.Enabled = false;
        // Where the time went, for whoever is reading the console: the page keeps only the total.
        Console.Error.WriteLine($"  load at {consultations:N0}: " + string.Join(", ", Warehouse.Etl.Loading.StepTimings.Take().Select(t => $"{t.Step} {t.Elapsed.TotalSeconds:F2} s")));
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        Directory.Delete(folder, recursive: true);
        return new Measurement("load consultations (validate, pseudonymise, derive levels)", consultations, baseline.Elapsed, load.Elapsed, peak,
            "baseline: CREATE TABLE AS SELECT * FROM read_csv of the same files into an on-disk database");
    }

    private sealed class FixedNow(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
