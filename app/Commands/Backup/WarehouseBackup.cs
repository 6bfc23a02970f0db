using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Warehouse.App.Cli;
using Warehouse.App.Commands.Export;
using Warehouse.App.Settings;
using Warehouse.Store.DuckDb;

namespace Warehouse.App.Commands.Backup;

/// <summary>
/// A backup of the whole warehouse as a folder DuckDB can import again: <c>EXPORT DATABASE …
/// (FORMAT parquet)</c> writes <c>schema.sql</c> (schemas, tables, constraints, the index),
/// <c>load.sql</c> and one Parquet file per table, <c>meta.schema_migrations</c> included; this
/// class adds <c>backup.json</c> with every table's row count, checks each Parquet file against it,
/// and restores into a new file only (<c>WarehouseBackup.Restore.cs</c>).
/// </summary>
/// <remarks>
/// <para>The warehouse is read through a read-only connection, which DuckDB's file lock grants only
/// while no job holds the file for writing, and which keeps any job from starting to write until the
/// backup is finished: the backup is one consistent state.</para>
/// <para>The folder is owner-only (0700) before the first file is written into it, and every file is
/// narrowed to 0600 afterwards. The Parquet files hold the pseudonymised, case-level rows in a form
/// any Parquet reader opens: a backup is as sensitive as the warehouse itself. The pseudonymisation
/// key is never part of it (docs/operations.md says why and where it goes).</para>
/// </remarks>
internal static partial class WarehouseBackup
{
    private const string TablesSql = """
        SELECT table_schema, table_name FROM information_schema.tables
        WHERE table_catalog = current_database() AND table_type = 'BASE TABLE'
        ORDER BY table_schema, table_name
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Refuses a backup folder where case-level files must not go: the inbox, or the publishable output folder.</summary>
    internal static void CheckPlace(WarehouseSettings settings, string folder)
    {
        if (IsInside(folder, settings.Inbox))
            throw new UsageException($"A backup cannot go inside the inbox ('{settings.Inbox}'): the loader reads every file put there.");
        if (IsInside(folder, settings.OutputFolder) && !IsInside(folder, settings.RestrictedOutputFolder))
            throw new UsageException($"A backup holds case-level data and cannot go in the publishable output folder ('{settings.OutputFolder}'); choose a folder outside it.");
    }

    /// <summary>Backs the open warehouse up into <paramref name="folder"/>, which must be new or empty.</summary>
    /// <returns>What the backup holds (also written to its <c>backup.json</c>).</returns>
    internal static BackupManifest Create(DuckDbConnection warehouse, string folder, TimeProvider clock, CancellationToken cancellationToken)
    {
        var created = PrepareFolder(folder);
        try
        {
            var tables = Tables(warehouse).Select(t => new BackupTable(t.Name, Count(warehouse, t.Sql))).ToList();
            var manifest = new BackupManifest
            {
                Format = BackupManifest.CurrentFormat,
                CreatedAt = clock.GetUtcNow(),
                SchemaVersion = warehouse.Scalar<int>("SELECT max(version) FROM meta.schema_migrations"),
                // ops.key_generations is empty until the first rotation: the first key alone.
                KeyGeneration = Math.Max(1, warehouse.Scalar<int>("SELECT coalesce(max(generation), 0) FROM ops.key_generations")),
                DuckDbVersion = warehouse.Scalar<string>("SELECT version()") ?? "unknown",
                Tables = tables,
            };
            using (cancellationToken.Register(warehouse.Interrupt))
            {
                warehouse.Execute($"EXPORT DATABASE {Literal(folder)} (FORMAT parquet)");
            }
            cancellationToken.ThrowIfCancellationRequested();
            CheckExport(warehouse, folder, tables);
            WriteManifest(folder, manifest);
            OwnerOnlyPaths.RestrictTree(folder);
            return manifest;
        }
        catch
        {
            Discard(folder, created);
            throw;
        }
    }

    /// <summary>A new folder, or an existing empty one, made owner-only; true when this call created it.</summary>
    private static bool PrepareFolder(string folder)
    {
        if (File.Exists(folder)) throw new UsageException($"'{folder}' is a file; a backup needs a new or empty folder.");
        var existed = Directory.Exists(folder);
        if (existed && Directory.EnumerateFileSystemEntries(folder).Any())
            throw new UsageException($"'{folder}' is not empty: a backup goes into a new or empty folder, so that it never mixes with another.");
        OwnerOnlyPaths.EnsureFolder(folder);
        return !existed;
    }

    /// <summary>Every table's Parquet file, as <c>load.sql</c> names it, holds the rows the warehouse held.</summary>
    private static void CheckExport(DuckDbConnection warehouse, string folder, IReadOnlyList<BackupTable> tables)
    {
        var files = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in File.ReadLines(Path.Combine(folder, "load.sql")))
        {
            var copy = CopyLine().Match(line.Trim());
            if (copy.Success)
                files[copy.Groups["table"].Value.Replace("\"", string.Empty, StringComparison.Ordinal)] = copy.Groups["path"].Value.Replace("''", "'", StringComparison.Ordinal);
        }
        foreach (var table in tables)
        {
            if (!files.TryGetValue(table.Table, out var file))
                throw new CommandFailedException($"The backup has no data file for {table.Table}; the folder was removed.");
            var rows = warehouse.Scalar<long>($"SELECT count(*) FROM read_parquet({Literal(file)})");
            if (rows != table.Rows)
            {
                throw new CommandFailedException(string.Create(CultureInfo.InvariantCulture,
                    $"The backup wrote {rows:N0} rows of {table.Table}, not {table.Rows:N0}; the folder was removed."));
            }
        }
    }

    private static void WriteManifest(string folder, BackupManifest manifest)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var stream = new FileStream(Path.Combine(folder, BackupManifest.FileName), options);
        JsonSerializer.Serialize(stream, manifest, Json);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Removes what a failed backup wrote: the folder it created, or the contents of the empty folder it was given.</summary>
    private static void Discard(string folder, bool created)
    {
        if (!Directory.Exists(folder)) return;
        if (created)
        {
            Directory.Delete(folder, recursive: true);
            return;
        }
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder).ToList())
        {
            if (Directory.Exists(entry)) Directory.Delete(entry, recursive: true);
            else File.Delete(entry);
        }
    }

    /// <summary>The base tables of the open database: <c>schema.table</c>, and the same quoted for SQL.</summary>
    private static List<(string Name, string Sql)> Tables(DuckDbConnection connection)
    {
        var tables = new List<(string, string)>();
        using var command = new DuckDbCommand(TablesSql, connection);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var schema = reader.GetString(0);
            var table = reader.GetString(1);
            tables.Add(($"{schema}.{table}", $"{Identifier(schema)}.{Identifier(table)}"));
        }
        return tables;
    }

    private static long Count(DuckDbConnection connection, string table) => connection.Scalar<long>($"SELECT count(*) FROM {table}");

    private static bool IsInside(string path, string folder)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var parent = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        return string.Equals(full, parent, StringComparison.Ordinal)
            || full.StartsWith(parent + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    private static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>A line of DuckDB's <c>load.sql</c>: <c>COPY fact.consultation FROM '/…/fact_consultation.parquet' (FORMAT 'parquet');</c>.</summary>
    [GeneratedRegex(@"^COPY (?<table>.+?) FROM '(?<path>(?:[^']|'')*)' \(FORMAT 'parquet'\);$", RegexOptions.CultureInvariant)]
    private static partial Regex CopyLine();
}
