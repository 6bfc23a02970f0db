using System.Globalization;
using Warehouse.Bench.Reader;

namespace Warehouse.Bench;

/// <summary>The benchmark command line: <c>warehouse-bench reader [--rows N]</c>.</summary>
internal static class BenchCommand
{
    internal static int Run(string[] args)
    {
        var suite = args.FirstOrDefault() ?? "reader";
        var rows = Option(args, "--rows", 10_000_000);
        var repeats = Option(args, "--repeats", 3);
        switch (suite)
        {
            case "reader":
                var result = ReaderBenchmark.Run(rows, repeats);
                Console.WriteLine(result.ToMarkdown());
                return 0;
            default:
                Console.Error.WriteLine($"Unknown benchmark '{suite}'. Known: reader.");
                return 2;
        }
    }

    private static long Option(string[] args, string name, long fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length
            ? long.Parse(args[index + 1], CultureInfo.InvariantCulture)
            : fallback;
    }

    private static int Option(string[] args, string name, int fallback) => (int)Option(args, name, (long)fallback);
}
