namespace Warehouse.Reports.Excel;

/// <summary>
/// Writes an output so that it is complete or absent, never half-written: the content goes to a
/// temporary file in the target folder (same file system, so the final rename is atomic), is
/// flushed to disk, then replaces the target. Shared by the xlsx, csv, svg and png outputs.
/// </summary>
internal static class AtomicFile
{
    public static void Write(string path, OutputFileOptions options, Action<Stream> write, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(write);

        var fullPath = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(fullPath) ?? throw new ArgumentException($"'{path}' has no folder.", nameof(path));
        Directory.CreateDirectory(folder);
        // A dot-file with a random part: never mistaken for an output, never clashing with a parallel writer.
        var temp = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");

        var streamOptions = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
        };
        if (options.OwnerOnly && !OperatingSystem.IsWindows())
        {
            // Set at creation, so the content is never readable by others, not even for a moment.
            streamOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using (var stream = new FileStream(temp, streamOptions))
            {
                write(stream);
                cancellationToken.ThrowIfCancellationRequested();
                stream.Flush(flushToDisk: true);
            }

            if (options.OwnerOnly && !OperatingSystem.IsWindows())
            {
                // The umask cannot widen 0600, but say it explicitly in case the file system ignored the create mode.
                File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            File.Move(temp, fullPath, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>
    /// Deletes the temporary files that writers killed part-way (SIGKILL, a power cut) left in
    /// <paramref name="folder"/> and below it: such a writer never reaches its clean-up, and its
    /// dot-file would otherwise stay for ever. Call it only where no other writer can be busy, e.g.
    /// as a pack starts (the pack holds the warehouse, so no other pack of it is running).
    /// </summary>
    /// <returns>How many were deleted.</returns>
    public static int RemoveLeftovers(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        if (!Directory.Exists(folder)) return 0;
        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(folder, ".*.tmp", SearchOption.AllDirectories))
        {
            if (!IsTemporaryName(Path.GetFileName(file))) continue;
            File.Delete(file);
            removed++;
        }
        return removed;
    }

    /// <summary>Whether a file name is one <see cref="Write"/> gives its temporary file: <c>.&lt;name&gt;.&lt;32 hex digits&gt;.tmp</c>.</summary>
    internal static bool IsTemporaryName(string name)
    {
        const int Hex = 32;
        if (!name.StartsWith('.') || !name.EndsWith(".tmp", StringComparison.Ordinal)) return false;
        var stem = name[..^".tmp".Length];
        var dot = stem.LastIndexOf('.');
        return dot > 1 && stem.Length - dot - 1 == Hex && stem[(dot + 1)..].All(char.IsAsciiHexDigitLower);
    }

    private static void TryDelete(string temp)
    {
        try
        {
            File.Delete(temp);
        }
        catch (IOException)
        {
            // The original error matters more; a stray dot-file is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
