namespace Warehouse.Etl.Inbox;

/// <summary>
/// The inbox's layout: <c>&lt;inbox&gt;/&lt;partnership&gt;/&lt;file&gt;</c>, and beside the files the
/// folders a file is moved to after a load: processed/, rejected/, unrecognised/.
/// </summary>
internal static class InboxFolders
{
    internal const string Processed = "processed";
    internal const string Rejected = "rejected";
    internal const string Unrecognised = "unrecognised";

    internal static readonly IReadOnlySet<string> OutcomeFolders = new HashSet<string>(StringComparer.Ordinal) { Processed, Rejected, Unrecognised };

    /// <summary>
    /// Lists what is in the inbox. Only regular files directly inside a partnership folder are
    /// loaded; directories, symbolic links, special files and files over the size limit are
    /// refused and never followed, so nothing outside the inbox is ever read.
    /// </summary>
    internal static List<InboxEntry> Scan(string inbox, long maxFileBytes)
    {
        var root = Path.GetFullPath(inbox);
        var entries = new List<InboxEntry>();
        if (!Directory.Exists(root)) return entries;

        foreach (var entry in new DirectoryInfo(root).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            if (entry is DirectoryInfo && entry.LinkTarget is null && OutcomeFolders.Contains(entry.Name)) continue;
            if (entry is DirectoryInfo folder && entry.LinkTarget is null)
            {
                foreach (var item in folder.EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
                {
                    if (item is DirectoryInfo && item.LinkTarget is null && OutcomeFolders.Contains(item.Name)) continue;
                    entries.Add(Classify(root, item, folder.Name, maxFileBytes));
                }
            }
            else
            {
                entries.Add(entry.LinkTarget is not null
                    ? new InboxEntry(entry.FullName, null, $"'{entry.Name}' is a symbolic link (to '{entry.LinkTarget}'); links in the inbox are never followed")
                    : Classify(root, entry, null, maxFileBytes));
            }
        }
        return entries;
    }

    private static InboxEntry Classify(string root, FileSystemInfo item, string? partnership, long maxFileBytes)
    {
        var full = Path.GetFullPath(item.FullName);
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            return new InboxEntry(full, partnership, $"'{item.Name}' is outside the inbox and is not read");
        if (item.LinkTarget is not null)
            return new InboxEntry(full, partnership, $"'{item.Name}' is a symbolic link (to '{item.LinkTarget}'); links in the inbox are never followed");
        if (item is DirectoryInfo)
            return new InboxEntry(full, partnership, $"'{item.Name}' is a folder; put files directly in the partnership's folder (folders are not searched)");
        if ((item.Attributes & (FileAttributes.Device | FileAttributes.ReparsePoint)) != 0 || item is not FileInfo file)
            return new InboxEntry(full, partnership, $"'{item.Name}' is not a regular file");
        if (!UnixFileType.IsRegularFile(full))
            return new InboxEntry(full, partnership, $"'{item.Name}' is not a regular file (a pipe, socket or device)");
        if (file.Length > maxFileBytes)
            return new InboxEntry(full, partnership, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"'{item.Name}' is {file.Length:N0} bytes, larger than the {maxFileBytes:N0} bytes the loader accepts; send it as several smaller files (a month each)"));
        return new InboxEntry(full, partnership, null);
    }

    /// <summary>Moves a file (or a link itself, never its target) into an outcome folder beside it.</summary>
    internal static string MoveTo(string path, string outcomeFolder, DateTimeOffset now)
    {
        var folder = Path.Combine(Path.GetDirectoryName(path)!, outcomeFolder);
        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, Path.GetFileName(path));
        if (File.Exists(target) || Directory.Exists(target))
        {
            target = Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(path)}.{now:yyyyMMddTHHmmss}.{Guid.NewGuid().ToString("N")[..6]}{Path.GetExtension(path)}");
        }
        // A link is moved itself, never what it points to; File.Move would follow a link to a folder
        // and fail, and the refused entry would then stop every load until someone removed it.
        if (new FileInfo(path).LinkTarget is not null && Directory.Exists(path)) Directory.Move(path, target);
        else File.Move(path, target);
        // Retention counts from the move, not from when the file was written.
        if (new FileInfo(target).LinkTarget is null) File.SetLastWriteTimeUtc(target, now.UtcDateTime);
        return target;
    }

    /// <summary>
    /// Deletes the raw files kept in processed/, rejected/ and unrecognised/ once they are older
    /// than the retention period (counted from when they were moved there): they may hold raw
    /// identifiers, and the warehouse keeps what was loaded from them. Returns how many.
    /// </summary>
    internal static int PurgeProcessed(string inbox, int retentionDays, DateTimeOffset now)
    {
        if (!Directory.Exists(inbox)) return 0;
        var deleted = 0;
        foreach (var partnership in Directory.EnumerateDirectories(inbox))
        {
            foreach (var outcome in OutcomeFolders)
            {
                var folder = Path.Combine(partnership, outcome);
                if (!Directory.Exists(folder)) continue;
                foreach (var file in new DirectoryInfo(folder).EnumerateFiles())
                {
                    if (file.LastWriteTimeUtc < now.UtcDateTime.AddDays(-retentionDays))
                    {
                        file.Delete();
                        deleted++;
                    }
                }
            }
        }
        return deleted;
    }
}
