namespace Warehouse.Etl.Loading;

/// <summary>The result of loading one file, as recorded in <c>ops.loaded_files</c>.</summary>
public sealed record FileLoadResult(
    string FileId,
    string Partnership,
    string FileName,
    string? Kind,
    FileOutcome Outcome,
    string? Reason,
    long RowsRead,
    long RowsLoaded,
    long RowsRejected,
    long Warnings)
{
    /// <summary>True when the file added or changed rows in the warehouse.</summary>
    public bool ChangedData => Outcome == FileOutcome.Loaded && RowsLoaded > 0;
}
