namespace Warehouse.Reports.Audit;

/// <summary>
/// The folder audit workbooks go into: created owner-only (0700), and refused when it already exists
/// and other users can read it. Windows leaves the matter to the folder's ACL.
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

        Directory.CreateDirectory(path, OwnerOnly);
        // The umask may have narrowed it further; make it exactly owner-only.
        File.SetUnixFileMode(path, OwnerOnly);
        return path;
    }
}
