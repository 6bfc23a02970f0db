using System.Globalization;
using System.Text.RegularExpressions;

namespace Warehouse.App.Locking;

/// <summary>Words for "the warehouse is busy": the running job and since when, when known.</summary>
internal static partial class BusyMessage
{
    internal static WarehouseBusyException For(string markerPath, TimeZoneInfo zone, Exception lockError)
    {
        var job = RunningMarker.ReadLive(markerPath);
        // A job holds the warehouse a moment before its marker is written (opening, migrating): look
        // again for a second before saying no job is running.
        for (var look = 0; job is null && look < 10; look++)
        {
            Thread.Sleep(100);
            job = RunningMarker.ReadLive(markerPath);
        }

        if (job is not null)
        {
            return new WarehouseBusyException(
                $"The warehouse is busy: job '{job.Job}' has been running since {Describe(job.StartedAt, zone)} (process {job.ProcessId.ToString(CultureInfo.InvariantCulture)}). Try again when it has finished.",
                job, lockError);
        }
        var holder = HolderPattern().Match(lockError.InnerException?.Message ?? lockError.Message);
        var who = holder.Success ? $"process {holder.Groups[1].Value}" : "another process";
        return new WarehouseBusyException(
            $"The warehouse is in use by {who} (a query, an export or a command that is not a job). Try again when it has finished.",
            null, lockError);
    }

    /// <summary>A time as people in the partnership read it: local time with its zone.</summary>
    internal static string Describe(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return local.ToString("HH:mm:ss 'on' d MMMM yyyy", CultureInfo.InvariantCulture) + $" ({zone.Id})";
    }

    [GeneratedRegex(@"\(PID (\d+)\)")]
    private static partial Regex HolderPattern();
}
