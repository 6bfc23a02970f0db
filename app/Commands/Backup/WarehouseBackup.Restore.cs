using System.Globalization;
using System.Text.Json;
using Warehouse.App.Cli;
using Warehouse.App.Commands.Export;
using Warehouse.Store.DuckDb;
using Warehouse.Store.Schema;

namespace Warehouse.App.Commands.Backup;

/// <summary>
/// Restoring a backup: <c>IMPORT DATABASE</c> into a new file, every table's rows checked against
/// <c>backup.json</c>, then the file moved into place. Never over an existing warehouse: a restore
/// that replaced a live file would silently throw away every load since the backup.
/// </summary>
/// <remarks>
/// The new file is built inside a fresh owner-only folder beside its final place and renamed into
/// place only when it is complete and checked, so it is owner-only from its first byte and a failed
/// restore leaves nothing behind. The schema stays at the backup's version (its
/// <c>meta.schema_migrations</c> rows come back with it); the next command that opens the warehouse
/// for a job upgrades it, as it would any older warehouse.
/// </remarks>
internal static partial class WarehouseBackup
{
    private static readonly string[] BackupFiles = ["schema.sql", "load.sql"];

    /// <summary>Restores the backup in <paramref name="folder"/> into <paramref name="target"/>, which must not exist.</summary>
    internal static BackupManifest Restore(string folder, string target, CancellationToken cancellationToken)
    {
        var manifest = ReadBackup(folder);
        if (File.Exists(target) || Directory.Exists(target) || File.Exists(target + ".wal"))
        {
            throw new UsageException(
                $"There is already a warehouse at '{target}': a backup is restored only into a new path, never over an existing warehouse. Give another path with --to, or move that file aside first.");
        }

        var parent = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(parent)) OwnerOnlyPaths.EnsureFolder(parent);
        var work = Path.Combine(parent, $".restore-{Guid.NewGuid():N}");
        OwnerOnlyPaths.EnsureFolder(work);
        try
        {
            var file = Path.Combine(work, Path.GetFileName(target));
            using (var restored = new DuckDbConnection(file))
            {
                restored.Open();
                using (cancellationToken.Register(restored.Interrupt))
                {
                    restored.Execute($"IMPORT DATABASE {Literal(folder)}");
                }
                cancellationToken.ThrowIfCancellationRequested();
                CheckRestore(restored, manifest);
                restored.Execute("CHECKPOINT");
            }
            if (new FileInfo(file + ".wal") is { Exists: true, Length: > 0 })
                throw new CommandFailedException("The restored warehouse kept a write-ahead log after its checkpoint; nothing was put in place. Run the restore again.");
            OwnerOnlyPaths.RestrictFile(file);
            File.Move(file, target, overwrite: false);
            return manifest;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The backup's manifest, once the folder is known to be a whole backup this build can restore.</summary>
    private static BackupManifest ReadBackup(string folder)
    {
        if (!Directory.Exists(folder)) throw new UsageException($"There is no backup folder '{folder}'.");
        var path = Path.Combine(folder, BackupManifest.FileName);
        if (!File.Exists(path))
            throw new UsageException($"'{folder}' is not a warehouse backup: it has no {BackupManifest.FileName} (written by 'warehouse backup').");
        BackupManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<BackupManifest>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new UsageException($"{path} cannot be read ({e.Message}); the backup cannot be checked, so it is not restored.");
        }
        if (manifest?.Format != BackupManifest.CurrentFormat)
            throw new UsageException($"{path} is not a backup manifest this build reads (format '{manifest?.Format}', expected '{BackupManifest.CurrentFormat}').");
        foreach (var name in BackupFiles)
        {
            if (!File.Exists(Path.Combine(folder, name)))
                throw new UsageException($"The backup in '{folder}' is incomplete: it has no {name}.");
        }
        if (manifest.SchemaVersion > Migrator.LatestVersion)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                $"The backup has schema version {manifest.SchemaVersion}, newer than this build of Warehouse knows ({Migrator.LatestVersion}); restore it with the build that made it or a newer one."));
        }
        return manifest;
    }

    /// <summary>The restored file has exactly the backup's tables, each with the rows the backup recorded.</summary>
    private static void CheckRestore(DuckDbConnection restored, BackupManifest manifest)
    {
        var tables = Tables(restored).ToDictionary(t => t.Name, t => t.Sql, StringComparer.Ordinal);
        var missing = manifest.Tables.Select(t => t.Table).Where(t => !tables.ContainsKey(t)).ToList();
        var extra = tables.Keys.Where(t => manifest.Tables.All(m => m.Table != t)).ToList();
        if (missing.Count > 0 || extra.Count > 0)
        {
            throw new CommandFailedException(
                $"The restored warehouse does not have the backup's tables (missing: {Names(missing)}; not in the backup: {Names(extra)}); nothing was put in place.");
        }
        foreach (var table in manifest.Tables)
        {
            var rows = Count(restored, tables[table.Table]);
            if (rows != table.Rows)
            {
                throw new CommandFailedException(string.Create(CultureInfo.InvariantCulture,
                    $"The restore brought back {rows:N0} rows of {table.Table}, not the {table.Rows:N0} the backup recorded; nothing was put in place."));
            }
        }
    }

    private static string Names(List<string> tables) => tables.Count == 0 ? "none" : string.Join(", ", tables);
}
