using Warehouse.Store.DuckDb;

namespace Warehouse.Store.Schema;

/// <summary>
/// Opens the warehouse file: creates its folder owner-only (so the file and its write-ahead log
/// are never readable by others, even for a moment), makes the file owner-only, and upgrades
/// its schema. One process at a time: DuckDB locks the file.
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
        if (readOnly && !File.Exists(full))
            throw new FileNotFoundException($"There is no warehouse at '{full}' yet: run 'warehouse load' or 'warehouse demo' first.", full);

        var connection = new DuckDbConnection(readOnly ? $"Data Source={full};access_mode=READ_ONLY" : full);
        try
        {
            connection.Open();
        }
        catch (DuckDbException e) when (e.IsLockConflict)
        {
            connection.Dispose();
            throw new WarehouseLockedException(full, e);
        }
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
}
