using System.Text;
using System.Text.Json;

namespace Warehouse.App.Access;

/// <summary>
/// The append-only, owner-only (0600) JSON-lines log of every <c>sql</c> and <c>export</c> run,
/// beside the warehouse. The file is only ever opened for appending; each entry is one write of
/// one line, so entries from processes running at the same time do not interleave.
/// </summary>
internal static class AccessLog
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    internal static void Append(string path, AccessLogEntry entry)
    {
        var folder = Path.GetDirectoryName(path);
        if (folder is not null && !Directory.Exists(folder))
        {
            // The warehouse's own folder: owner-only, as WarehouseFile creates it.
            if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
            else Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.ReadWrite };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        var line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entry, Json) + "\n");
        using var stream = new FileStream(path, options);
        // A log created by hand or by an older build may be wider than owner-only: narrow it.
        if (!OperatingSystem.IsWindows() && File.GetUnixFileMode(path) != (UnixFileMode.UserRead | UnixFileMode.UserWrite))
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        stream.Write(line);
    }

    /// <summary>Every entry, oldest first; a line that cannot be read is skipped and counted.</summary>
    internal static (IReadOnlyList<AccessLogEntry> Entries, int Unreadable) Read(string path)
    {
        if (!File.Exists(path)) return ([], 0);
        var entries = new List<AccessLogEntry>();
        var unreadable = 0;
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0) continue;
            try
            {
                if (JsonSerializer.Deserialize<AccessLogEntry>(line, Json) is { } entry) entries.Add(entry);
                else unreadable++;
            }
            catch (JsonException)
            {
                unreadable++;
            }
        }
        return (entries, unreadable);
    }
}
