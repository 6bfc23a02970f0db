using System.Diagnostics;

namespace Warehouse.App.Locking;

/// <summary>Whether a process id still belongs to the process that wrote a marker.</summary>
internal static class ProcessCheck
{
    /// <summary>When this process started, by the operating system's clock (not the injected one).</summary>
    internal static DateTimeOffset CurrentProcessStartedAt { get; } = StartOf(Environment.ProcessId) ?? DateTimeOffset.MinValue;

    /// <summary>True when <paramref name="processId"/> runs and started when the marker says it did.</summary>
    internal static bool IsAlive(int processId, DateTimeOffset processStartedAt)
    {
        var started = StartOf(processId);
        // Process start times are read back with tick-level noise; a second's slack is far
        // below the time it takes the system to reuse a process id.
        return started is { } actual && (actual - processStartedAt).Duration() < TimeSpan.FromSeconds(1);
    }

    internal static DateTimeOffset? StartOf(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return process.HasExited ? null : new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return null;
        }
    }
}
