using System.Text.Json;

namespace Warehouse.App.Locking;

/// <summary>
/// The small file beside the warehouse (<c>warehouse.duckdb.running</c>) that a job writes while
/// it holds the warehouse, so that other commands – which DuckDB's lock keeps out – can say which
/// job is running and since when. Written only by the process that holds the warehouse lock, and
/// removed when the job ends; a marker left by a process that has died is ignored.
/// </summary>
internal static class RunningMarker
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    internal static void Write(string path, RunningJob job)
    {
        var temporary = path + "." + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temporary, options))
        {
            JsonSerializer.Serialize(stream, job, Json);
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Removes the marker if it is this run's (another process may have replaced a stale one).</summary>
    internal static void Remove(string path, string runId)
    {
        if (Read(path) is { } current && current.RunId != runId) return;
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Gone already, or replaced in between: either way it is no longer this run's.
        }
    }

    /// <summary>The marker's job when its process is alive, else null (no marker, unreadable, or stale).</summary>
    internal static RunningJob? ReadLive(string path) =>
        Read(path) is { } job && ProcessCheck.IsAlive(job.ProcessId, job.ProcessStartedAt) ? job : null;

    internal static RunningJob? Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<RunningJob>(File.ReadAllText(path), Json);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return null;
        }
    }
}
