namespace Warehouse.Reports.Packs.Qa;

/// <summary>
/// The restricted output folder: created owner-only (0700), refused when others can read it, and
/// never the same as, inside, or around the publishable pack's own folder.
/// </summary>
internal static class RestrictedFolder
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode Others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Checks, before anything is written, that restricted rows cannot end up beside publishable files.</summary>
    public static void CheckSeparate(PackPaths paths, string restrictedRoot)
    {
        var root = Normalise(restrictedRoot);
        var pack = Normalise(paths.Folder);
        var month = Normalise(paths.RestrictedMonthFolder);
        if (Inside(pack, month) || Inside(month, pack) || Inside(pack, root))
        {
            throw new InvalidOperationException(
                $"The restricted folder '{restrictedRoot}' and the pack folder '{paths.Folder}' overlap: case-level rows must never sit with the publishable pack. Set a separate restricted output folder.");
        }
    }

    /// <summary>Creates the partnership's month folder under the restricted root, every level 0700.</summary>
    public static void Prepare(PackPaths paths, string restrictedRoot)
    {
        CheckSeparate(paths, restrictedRoot);
        var root = Path.GetFullPath(restrictedRoot);
        if (OperatingSystem.IsWindows())
        {
            // The folder's ACL decides on Windows; the owner-only modes are a Unix matter.
            Directory.CreateDirectory(paths.RestrictedMonthFolder);
            return;
        }

        if (Directory.Exists(root))
        {
            var mode = File.GetUnixFileMode(root);
            if ((mode & Others) != 0)
            {
                throw new InvalidOperationException(
                    $"The restricted folder '{root}' can be read by other users (mode {Octal(mode)}). Make it owner-only (chmod 700) before case-level rows are written there.");
            }
        }
        else
        {
            Directory.CreateDirectory(root, OwnerOnly);
            File.SetUnixFileMode(root, OwnerOnly);
        }

        var partnership = Path.GetDirectoryName(paths.RestrictedMonthFolder)!;
        foreach (var folder in new[] { partnership, paths.RestrictedMonthFolder })
        {
            Directory.CreateDirectory(folder, OwnerOnly);
            // Created before (perhaps by another tool): make it owner-only whatever it was.
            File.SetUnixFileMode(folder, OwnerOnly);
        }
    }

    private static string Octal(UnixFileMode mode) => "0" + Convert.ToString((int)mode, 8);

    private static string Normalise(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)) + Path.DirectorySeparatorChar;

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or below it.</summary>
    private static bool Inside(string path, string folder) =>
        path.StartsWith(folder, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}
