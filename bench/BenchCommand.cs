using System.Globalization;
using Warehouse.Bench.Checks;
using Warehouse.Bench.Engine;
using Warehouse.Bench.Load;
using Warehouse.Bench.Reader;

namespace Warehouse.Bench;

/// <summary>
/// The benchmark command line:
/// <c>dotnet run -c Release --project bench -- [reader|engine|load|checks|all] [--sizes 100000,1000000,10000000] [--repeats N] [--work folder] [--write docs/performance.md]</c>.
/// </summary>
internal static class BenchCommand
{
    internal static int Run(string[] args)
    {
        if (args.Length > 0 && args[0] == LoadBenchmark.ChildCommand) return LoadBenchmark.RunChild(args);
        var suite = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
        var sizes = (Option(args, "--sizes") ?? "100000,1000000,10000000")
            .Split(',').Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var repeats = int.Parse(Option(args, "--repeats") ?? "3", CultureInfo.InvariantCulture);
        var write = Option(args, "--write");
        var work = Option(args, "--work") ?? Path.Combine(Path.GetTempPath(), "warehouse-bench");
        Directory.CreateDirectory(work);

        var results = new List<Measurement>();
        foreach (var size in sizes)
        {
            if (suite is "reader" or "all") Report(results, ReaderBenchmark.Run(size, repeats));
            if (suite is "engine" or "all") Report(results, LevelEngineBenchmark.Run(size));
            if (suite is "load" or "all") Report(results, LoadBenchmark.Run(size, work, repeats));
            if (suite is "checks" or "all")
            {
                var (checks, runId) = ChecksBenchmark.Run(size, work);
                Report(results, checks);
                Report(results, OutputsBenchmark.Run(size, work, runId));
            }
        }
        if (results.Count == 0)
        {
            Console.Error.WriteLine($"Unknown benchmark '{suite}'. Known: reader, engine, load, checks (with the monthly outputs), all.");
            return 2;
        }
        if (write is not null) PerformancePage.Write(write, results);
        return 0;
    }

    private static void Report(List<Measurement> results, Measurement measurement)
    {
        results.Add(measurement);
        Console.WriteLine(measurement.ToMarkdownRow());
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
