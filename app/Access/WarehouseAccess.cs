using System.Data.Common;
using Warehouse.App.Locking;
using Warehouse.App.Settings;
using Warehouse.Store.DuckDb;
using Warehouse.Store.Schema;

namespace Warehouse.App.Access;

/// <summary>
/// The three ways the program opens the warehouse. DuckDB locks the file against every other
/// process, so each open either succeeds or says who holds it (<see cref="WarehouseBusyException"/>).
/// </summary>
internal static class WarehouseAccess
{
    /// <summary>
    /// For analysts' own SQL: read-only, with every file-system and network access switched off and
    /// the configuration locked so a query cannot switch it back on (no <c>COPY … TO</c>, no
    /// <c>read_csv</c>, no <c>ATTACH</c>).
    /// </summary>
    internal static DuckDbConnection OpenForAnalyst(WarehouseSettings settings) =>
        Open(settings, ("access_mode", "READ_ONLY"), ("enable_external_access", "false"), ("lock_configuration", "true"));

    /// <summary>Read-only, for the program's own reads and exports (COPY … TO is allowed).</summary>
    internal static DuckDbConnection OpenReadOnly(WarehouseSettings settings) =>
        Open(settings, ("access_mode", "READ_ONLY"));

    /// <summary>Read-write, migrated, for a job run (creates the warehouse when there is none).</summary>
    internal static DuckDbConnection OpenForJob(WarehouseSettings settings)
    {
        try
        {
            return WarehouseFile.Open(settings.Warehouse);
        }
        catch (WarehouseLockedException e)
        {
            throw BusyMessage.For(settings.RunningMarker, settings.TimeZone, e);
        }
    }

    private static DuckDbConnection Open(WarehouseSettings settings, params (string Name, string Value)[] options)
    {
        if (!File.Exists(settings.Warehouse)) throw new WarehouseMissingException(settings.Warehouse);
        var builder = new DbConnectionStringBuilder { ["Data Source"] = settings.Warehouse };
        foreach (var (name, value) in options) builder[name] = value;
        var connection = new DuckDbConnection(builder.ConnectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch (DuckDbException e) when (e.IsLockConflict)
        {
            connection.Dispose();
            throw BusyMessage.For(settings.RunningMarker, settings.TimeZone, e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
