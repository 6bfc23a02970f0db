namespace Warehouse.App.Commands.Export;

/// <summary>
/// Folders only their owner can enter (0700) and files only their owner can read (0600), for
/// case-level exports and backups. On Windows the folder's ACL governs and these are no-ops
/// beyond creating the folder.
/// </summary>
internal static class OwnerOnlyPaths
{
    private const UnixFileMode OwnerFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the folder (and any missing parent) owner-only, or narrows an existing one to owner-only.</summary>
    internal static void EnsureFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }
        Directory.CreateDirectory(folder, OwnerFolder);
        // A folder made earlier by hand may be wider: case-level files never sit in one that is.
        File.SetUnixFileMode(folder, OwnerFolder);
    }

    /// <summary>Makes one file owner-only.</summary>
    internal static void RestrictFile(string path)
    {
        if (OperatingSystem.IsWindows()) return;
        File.SetUnixFileMode(path, OwnerFile);
    }

    /// <summary>
    /// Narrows every folder under <paramref name="root"/> (and the root) to 0700 and every file to 0600.
    /// DuckDB creates the files it writes with the process's umask; they sit inside an owner-only
    /// folder from the first byte, and are narrowed here so that a copy of the folder stays narrow.
    /// </summary>
    internal static void RestrictTree(string root)
    {
        if (OperatingSystem.IsWindows()) return;
        File.SetUnixFileMode(root, OwnerFolder);
        foreach (var folder in Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories))
            File.SetUnixFileMode(folder, OwnerFolder);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            File.SetUnixFileMode(file, OwnerFile);
    }
}
