namespace Warehouse.Etl.Governance;

/// <summary>What a retention purge removed: counts only, never identifiers.</summary>
/// <param name="AsOf">The date the purge ran for.</param>
/// <param name="CutOff">Children whose latest record is before this date expired.</param>
/// <param name="RetentionYears">The retention period applied.</param>
/// <param name="ChildrenExpired">How many children (per partnership) expired.</param>
/// <param name="RowsDeleted">Rows deleted per table, including ops.rejects and ops.data_quality_warnings.</param>
/// <param name="FilesReleased">Source files whose rejects and warnings went with them.</param>
/// <param name="ProcessedFilesDeleted">Raw files deleted from the inbox's processed/ folders.</param>
public sealed record PurgeReport(
    DateOnly AsOf,
    DateOnly CutOff,
    int RetentionYears,
    long ChildrenExpired,
    IReadOnlyDictionary<string, long> RowsDeleted,
    long FilesReleased,
    int ProcessedFilesDeleted)
{
    /// <summary>All rows deleted.</summary>
    public long TotalRowsDeleted => RowsDeleted.Values.Sum();

    /// <summary>
    /// True when rows were deleted: the deleted values still sit in freed blocks of the file until
    /// <see cref="WarehouseCompaction.Compact"/> rewrites it, so the purge job should compact next.
    /// </summary>
    public bool NeedsCompaction => TotalRowsDeleted > 0;
}
