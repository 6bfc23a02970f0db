using System.Diagnostics;
using System.Globalization;

namespace Warehouse.Etl.Tests.Malformed.Support;

/// <summary>What an action cost: how long it took, and how far the process's resident memory rose above where it started.</summary>
public sealed record ResourceUse(TimeSpan Elapsed, long PeakGrowthBytes)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Elapsed.TotalSeconds:0.0} s, peak memory +{PeakGrowthBytes / (1024 * 1024):N0} MiB");
}

/// <summary>
/// Runs an action with a deadline and measures it. Memory is the process's peak resident set
/// (Linux <c>VmHWM</c>, reset through <c>/proc/self/clear_refs</c> first), so it counts DuckDB's
/// native memory as well as the managed heap. Elsewhere only the time is measured. The malformed
/// corpus runs one test at a time (<see cref="MalformedCorpus"/>) so the figure is the test's own.
/// </summary>
public static class ResourceProbe
{
    public static (T Result, ResourceUse Use) Measure<T>(Func<T> action, TimeSpan deadline)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var before = StatusBytes("VmRSS:");
        var canMeasure = before > 0 && ResetPeak();
        var clock = Stopwatch.StartNew();
        var run = Task.Run(action);
        Assert.True(run.Wait(deadline), $"the load did not finish within {deadline.TotalSeconds:0} s (a hang, or far too slow)");
        clock.Stop();
        var peak = canMeasure ? StatusBytes("VmHWM:") : 0;
        return (run.Result, new ResourceUse(clock.Elapsed, canMeasure ? Math.Max(0, peak - before) : 0));
    }

    private static bool ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static long StatusBytes(string key)
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/proc/self/status")) return 0;
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        if (line is null) return 0;
        var kilobytes = line[key.Length..].Trim().Split(' ')[0];
        return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
    }
}

/// <summary>The malformed-file tests run alone: each measures the time and memory its file costs the loader.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MalformedCorpus
{
    public const string Name = "Malformed files";
}
