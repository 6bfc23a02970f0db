using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
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
/// <remarks>
/// Both are run as a user runs <c>warehouse load</c>: each in a fresh process (this program again,
/// with <see cref="ChildCommand"/>), after the generated files are flushed to disk, so neither pays
/// for the generator's heap or its unwritten pages, and the peak memory is the load's own. Each
/// pair runs <c>repeats</c> times, alternating; the best time of each is reported.
/// </remarks>
internal static partial class LoadBenchmark
{
    /// <summary>The hidden command a child process runs: <c>load-child bare|load folder consultations</c>.</summary>
    internal const string ChildCommand = "load-child";

    internal static Measurement Run(long consultations, string workFolder, int repeats)
    {
        var folder = Path.Combine(workFolder, $"load-{consultations}");
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        var source = Path.Combine(folder, "source");
        SyntheticGenerator.Generate(new GeneratorOptions
        {
            Seed = 20261122,
            OutputFolder = source,
            Partnerships = ["warwickshire"],
            Start = new DateOnly(2025, 10, 1),
            Months = 12,
            ConsultationsPerPartnership = (int)consultations,
            Messy = false,
        });
        // Consultations only: Annex A returns are a different source with their own reader.
        var partnershipFolder = Path.Combine(source, "warwickshire");
        foreach (var file in Directory.GetFiles(partnershipFolder).Where(f => !Path.GetFileName(f).StartsWith("consultations-", StringComparison.Ordinal)))
        {
            File.Delete(file);
        }
        File.Delete(Path.Combine(source, "manifest.json"));

        var baseline = TimeSpan.MaxValue;
        var load = TimeSpan.MaxValue;
        long peak = 0;
        for (var round = 1; round <= repeats; round++)
        {
            var bare = RunChild("bare", folder, consultations);
            var loaded = RunChild("load", folder, consultations);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  round {round} at {consultations:N0}: bare read_csv {bare.Elapsed.TotalSeconds:F2} s, load {loaded.Elapsed.TotalSeconds:F2} s ({loaded.Elapsed / bare.Elapsed:F2}x), load peak {loaded.PeakBytes >> 20:N0} MiB"));
            baseline = bare.Elapsed < baseline ? bare.Elapsed : baseline;
            load = loaded.Elapsed < load ? loaded.Elapsed : load;
            peak = Math.Max(peak, loaded.PeakBytes);
        }
        Directory.Delete(folder, recursive: true);
        return new Measurement("load consultations (validate, pseudonymise, derive levels)", consultations, baseline, load, peak,
            $"baseline: CREATE TABLE AS SELECT * FROM read_csv of the same files into an on-disk database; each in a fresh process, best of {repeats}");
    }

    /// <summary>Runs in the child process: one bare read or one load of the folder's files; prints seconds and peak bytes.</summary>
    internal static int RunChild(string[] args)
    {
        var (mode, folder, consultations) = (args[1], args[2], long.Parse(args[3], CultureInfo.InvariantCulture));
        var partnershipFolder = Path.Combine(folder, "source", "warwickshire");
        var csvFiles = Directory.GetFiles(partnershipFolder, "*.csv").Order(StringComparer.Ordinal).ToList();
        TimeSpan elapsed;
        if (mode == "bare")
        {
            var path = Path.Combine(folder, "bare.duckdb");
            File.Delete(path);
            var watch = Stopwatch.StartNew();
            using (var bare = new DuckDbConnection(path))
            {
                bare.Open();
                for (var i = 0; i < csvFiles.Count; i++)
                {
                    bare.Execute($"CREATE TABLE c{i} AS SELECT * FROM read_csv('{csvFiles[i]}')");
                }
            }
            elapsed = watch.Elapsed;
            File.Delete(path);
        }
        else
        {
            // The inbox gets copies (the loader moves what it loads); copying is not timed.
            var inbox = Path.Combine(folder, "inbox");
            if (Directory.Exists(inbox)) Directory.Delete(inbox, recursive: true);
            Directory.CreateDirectory(Path.Combine(inbox, "warwickshire"));
            foreach (var file in csvFiles) File.Copy(file, Path.Combine(inbox, "warwickshire", Path.GetFileName(file)));
            var warehousePath = Path.Combine(folder, "warehouse.duckdb");
            foreach (var file in Directory.GetFiles(folder, "warehouse.duckdb*")) File.Delete(file);
            FlushToDisk();

            var keys = PseudonymKeyChain.FromKeys([Encoding.UTF8.GetBytes("benchmark key, not for real data")]);
            var loader = new InboxLoader(FrameworkCatalog.LoadEmbedded(), ReferenceData.LoadEmbedded(), new LoadOptions(), new FixedNow(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero)));
            StepTimings.Enabled = true;
            var watch = Stopwatch.StartNew();
            long loaded;
            using (var warehouse = WarehouseFile.Open(warehousePath))
            {
                loaded = loader.Load(warehouse, inbox, keys).Files.Sum(f => f.RowsLoaded);
            }
            elapsed = watch.Elapsed;
            StepTimings.Enabled = false;
            if (loaded != consultations) throw new InvalidOperationException($"Loaded {loaded} consultations, expected {consultations}.");
            // Where the time went, for whoever is reading the console: the page keeps only the total.
            Console.Error.WriteLine("  load steps: " + string.Join(", ", StepTimings.Take().Take(12).Select(t => $"{t.Step} {t.Elapsed.TotalSeconds:F2} s")));
            foreach (var file in Directory.GetFiles(folder, "warehouse.duckdb*")) File.Delete(file);
            Directory.Delete(inbox, recursive: true);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds:R} {Process.GetCurrentProcess().PeakWorkingSet64}"));
        return 0;
    }

    private static (TimeSpan Elapsed, long PeakBytes) RunChild(string mode, string folder, long consultations)
    {
        FlushToDisk();
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        // Under 'dotnet run' the process is the dotnet host, which needs the program's assembly first.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet") start.ArgumentList.Add(typeof(LoadBenchmark).Assembly.Location);
        foreach (var argument in new[] { ChildCommand, mode, folder, consultations.ToString(CultureInfo.InvariantCulture) }) start.ArgumentList.Add(argument);
        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        if (child.ExitCode != 0) throw new InvalidOperationException($"The benchmark's {mode} process failed (exit code {child.ExitCode}).");
        var fields = output.Trim().Split(' ');
        return (TimeSpan.FromSeconds(double.Parse(fields[0], CultureInfo.InvariantCulture)), long.Parse(fields[1], CultureInfo.InvariantCulture));
    }

    /// <summary>Writes dirty pages out, so that neither measurement pays for the other's (or the generator's) writes.</summary>
    private static void FlushToDisk()
    {
        if (OperatingSystem.IsLinux()) Sync();
    }

    [LibraryImport("libc", EntryPoint = "sync")]
    private static partial void Sync();

    private sealed class FixedNow(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
