using System.Collections.Concurrent;
using System.Diagnostics;

namespace Warehouse.Etl.Loading;

/// <summary>
/// Where a load's time goes, step by step, summed over files: off unless the benchmark switches it
/// on (<c>bench -- load</c> prints it), so that a load pays nothing for it.
/// </summary>
internal static class StepTimings
{
    private static readonly ConcurrentDictionary<string, long> Ticks = new(StringComparer.Ordinal);

    internal static bool Enabled { get; set; }

    internal static T Measure<T>(string step, Func<T> work)
    {
        if (!Enabled)
        {
            return work();
        }

        var start = Stopwatch.GetTimestamp();
        try
        {
            return work();
        }
        finally
        {
            Ticks.AddOrUpdate(step, Stopwatch.GetTimestamp() - start, (_, sum) => sum + Stopwatch.GetTimestamp() - start);
        }
    }

    internal static void Measure(string step, Action work) => Measure(step, () =>
    {
        work();
        return 0;
    });

    /// <summary>The steps and their total time, longest first; clears the totals.</summary>
    internal static IReadOnlyList<(string Step, TimeSpan Elapsed)> Take()
    {
        var taken = Ticks.Select(t => (t.Key, Stopwatch.GetElapsedTime(0, t.Value))).OrderByDescending(t => t.Item2).ToList();
        Ticks.Clear();
        return taken;
    }
}
