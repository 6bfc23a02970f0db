using Warehouse.Store.DuckDb;

namespace Warehouse.Store.Schema;

/// <summary>
/// Opens the warehouse file: creates its folder owner-only, or narrows it to owner-only when
/// something else made it first (so the file and its write-ahead log are never readable by others,
/// even for a moment), makes the file owner-only, and upgrades its schema. One process at a time: DuckDB locks the file.
/// </summary>
public static class WarehouseFile
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Opens (creating when needed) and migrates the warehouse at <paramref name="path"/>.</summary>
    /// <exception cref="WarehouseLockedException">Another process holds the file.</exception>
    public static DuckDbConnection Open(string path, bool readOnly = false)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
        {
            if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
            else Directory.CreateDirectory(folder, OwnerOnlyFolder);
        }
        else if (!OperatingSystem.IsWindows() && !readOnly)
        {
            NarrowFolder(full, folder);
        }
        if (readOnly && !File.Exists(full))
            throw new FileNotFoundException($"There is no warehouse at '{full}' yet: run 'warehouse load' or 'warehouse demo' first.", full);

        var connection = OpenConnection(full, readOnly);
        try
        {
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(full, OwnerOnlyFile);
            if (!readOnly) Migrator.Apply(connection);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens the file, telling a file another process holds from one that is not a warehouse: a
    /// process that has just created the file holds it before DuckDB has written its header, and for
    /// that moment a second process would read it as "not a valid DuckDB database file". Such a file
    /// is tried again for a few seconds; by then it is either a warehouse (and locked) or truly not one.
    /// </summary>
    private static DuckDbConnection OpenConnection(string full, bool readOnly)
    {
        var deadline = DateTime.UtcNow + HeaderWait;
        while (true)
        {
            var connection = new DuckDbConnection(readOnly ? $"Data Source={full};access_mode=READ_ONLY" : full);
            try
            {
                connection.Open();
                return connection;
            }
            catch (DuckDbException e) when (e.IsLockConflict)
            {
                connection.Dispose();
                throw new WarehouseLockedException(full, e);
            }
            catch (DuckDbException e) when (IsHeaderBeingWritten(full, e) && DateTime.UtcNow < deadline)
            {
                connection.Dispose();
                Thread.Sleep(100);
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }
    }

    private static readonly TimeSpan HeaderWait = TimeSpan.FromSeconds(3);

    // DuckDB's headers take the first 12 KiB of the file; a file shorter than that is still being made.
    private static bool IsHeaderBeingWritten(string full, DuckDbException e) =>
        e.Message.Contains("not a valid DuckDB database file", StringComparison.Ordinal)
        && new FileInfo(full) is { Exists: true, Length: < 3 * 4096 };

    /// <summary>
    /// A folder made before the warehouse (by the inbox's transfer, or <c>warehouse generate</c>)
    /// has the umask's mode, and DuckDB creates the write-ahead log with it: while a job runs, the
    /// log holds what the job wrote. Such a folder is narrowed to owner-only; a folder shared by
    /// design (sticky, like /tmp) or one this user cannot change is refused.
    /// </summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void NarrowFolder(string warehouse, string folder)
    {
        const UnixFileMode Others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
        var mode = File.GetUnixFileMode(folder);
        if ((mode & Others) == 0)
        {
            return;
        }

        if ((mode & UnixFileMode.StickyBit) != 0)
        {
            throw new InvalidOperationException(
                $"The warehouse '{warehouse}' is in '{folder}', a folder shared with other users, where its write-ahead log could be read. Keep the warehouse in a folder of its own.");
        }

        try
        {
            File.SetUnixFileMode(folder, mode & ~(Others | UnixFileMode.SetUser | UnixFileMode.SetGroup));
        }
        catch (UnauthorizedAccessException e)
        {
            throw new InvalidOperationException(
                $"The warehouse's folder '{folder}' can be entered by other users and this user cannot change that; its write-ahead log could be read there. Make it owner-only (chmod 700) or keep the warehouse in a folder of its own.", e);
        }
    }
}
