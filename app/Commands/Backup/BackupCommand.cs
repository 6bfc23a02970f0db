using System.CommandLine;
using System.Globalization;
using Warehouse.App.Access;
using Warehouse.App.Cli;
using Warehouse.Store.DuckDb;

namespace Warehouse.App.Commands.Backup;

/// <summary>
/// <c>warehouse backup &lt;folder&gt;</c>: the whole warehouse as a folder of Parquet files that
/// <c>warehouse restore</c> (or DuckDB's <c>IMPORT DATABASE</c>) reads back. Opened read-only, like
/// <c>export</c>, so it is refused while a job holds the warehouse. Every run is in the access log.
/// </summary>
internal static class BackupCommand
{
    internal static Command Create(CommandRuntime runtime)
    {
        var folder = new Argument<string>("folder") { Description = "A new or empty folder for the backup; it is made owner-only (folder 0700, files 0600)." };
        var command = new Command("backup",
            "Back up the whole warehouse to a folder of Parquet files (DuckDB EXPORT DATABASE), each table checked against the warehouse; refused while a job runs. " +
            "The pseudonymisation key file is not included: back it up separately and keep it apart from the backup.")
        {
            folder,
        };
        command.SetAction((parse, cancellationToken) => runtime.RunAsync(
            parse, (session, token) => RunAsync(session, parse.GetValue(folder)!, token), cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(CommandSession session, string folder, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(folder, session.Environment.WorkingDirectory);
        long? rows = null;
        var outcome = "failed";
        try
        {
            WarehouseBackup.CheckPlace(session.Settings, path);
            var manifest = await session.WithProgressAsync("Backing up the warehouse…", token => Task.FromResult(Backup(session, path, token)), cancellationToken);
            rows = manifest.Rows;
            outcome = "ok";
            session.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Backed up {manifest.Tables.Count} tables ({manifest.Rows:N0} rows, schema version {manifest.SchemaVersion}, key generation {manifest.KeyGeneration}) to {path}; each table's Parquet file was read back and holds the rows the warehouse held."));
            session.Out.WriteLine(
                $"The pseudonymisation key is not in the backup. Back up {session.Settings.KeyFile} separately and keep it apart from this folder: " +
                "without the key nothing new can be linked to the children already held, and whoever has both the key and the backup can find a child's records.");
            return ExitCodes.Success;
        }
        catch (DuckDbException e)
        {
            throw new CommandFailedException($"The backup failed: {ErrorText.ForPerson(e)}", e);
        }
        finally
        {
            AccessLog.Append(session.Settings.AccessLog, new AccessLogEntry(session.Time.GetUtcNow(), session.Environment.UserName, "backup", "to " + path, rows, outcome));
        }
    }

    private static BackupManifest Backup(CommandSession session, string folder, CancellationToken cancellationToken)
    {
        using var warehouse = WarehouseAccess.OpenReadOnly(session.Settings);
        return WarehouseBackup.Create(warehouse, folder, session.Time, cancellationToken);
    }
}
