using System.Text.Json.Serialization;

namespace Warehouse.App.Commands.Backup;

/// <summary>
/// <c>backup.json</c> in a backup folder: what the backup holds, so that a restore can check it
/// arrived whole. Counts and versions only: never a value from the warehouse, never a path.
/// </summary>
internal sealed record BackupManifest
{
    /// <summary>The only format this build writes and reads.</summary>
    internal const string CurrentFormat = "warehouse-backup/1";

    /// <summary>The manifest's file name inside the backup folder.</summary>
    internal const string FileName = "backup.json";

    public required string Format { get; init; }

    /// <summary>When the backup was made (UTC, from the injected clock).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The warehouse's schema version (<c>meta.schema_migrations</c>) at backup time.</summary>
    public required int SchemaVersion { get; init; }

    /// <summary>
    /// How many keys of the pseudonymisation chain the stored pseudonyms were made with (1 before
    /// any rotation). A restored warehouse needs a key file holding exactly the first this many keys.
    /// </summary>
    public required int KeyGeneration { get; init; }

    /// <summary>The DuckDB library that wrote the Parquet files.</summary>
    public required string DuckDbVersion { get; init; }

    /// <summary>Every base table of the warehouse with its row count, in name order.</summary>
    public required IReadOnlyList<BackupTable> Tables { get; init; }

    [JsonIgnore]
    public long Rows => Tables.Sum(t => t.Rows);
}
