namespace Warehouse.Reports.Audit;

/// <summary>
/// The folder audit workbooks go into: created owner-only (0700) with every missing folder above
/// it, and refused when it already exists and other users can read it. Windows leaves the matter to the folder's ACL.
/// </summary>
internal static class OwnerOnlyFolder
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode Others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    public static string Prepare(string folder)
    {
        var path = Path.GetFullPath(folder);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return path;
        }

        if (Directory.Exists(path))
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & Others) != 0)
            {
                throw new InvalidOperationException(
                    $"The folder '{path}' can be read by other users (mode 0{Convert.ToString((int)mode, 8)}). Audit workbooks hold case-level rows: make it owner-only (chmod 700) or choose another folder.");
            }

            return path;
        }

        // Every level that does not exist yet is created owner-only, not just the last: the folders
        // above it (the restricted folder, the partnership's) hold other restricted files too.
        var missing = new Stack<string>();
        for (var level = path; level is not null && !Directory.Exists(level); level = Path.GetDirectoryName(level))
        {
            missing.Push(level);
        }

        foreach (var level in missing)
        {
            Directory.CreateDirectory(level, OwnerOnly);
            // The umask may have narrowed it further; make it exactly owner-only.
            File.SetUnixFileMode(level, OwnerOnly);
        }

        return path;
    }
}
