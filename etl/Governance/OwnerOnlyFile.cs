using System.Text;

namespace Warehouse.Etl.Governance;

/// <summary>Files only their owner can read, written so that a crash never leaves half a file in place.</summary>
internal static class OwnerOnlyFile
{
    private const UnixFileMode ReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates <paramref name="path"/> (refusing to overwrite) owner-only from the first byte, writes the text and flushes it to disk.</summary>
    internal static void CreateNew(string path, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = ReadWrite;
        using var stream = new FileStream(path, options);
        var bytes = new UTF8Encoding(false).GetBytes(text);
        stream.Write(bytes);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Makes an existing file owner-only (no-op on Windows, where the folder's ACL governs).</summary>
    internal static void Restrict(string path)
    {
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, ReadWrite);
    }

    /// <summary>Flushes a file's contents to disk before it is renamed into place.</summary>
    internal static void Sync(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        stream.Flush(flushToDisk: true);
    }
}
