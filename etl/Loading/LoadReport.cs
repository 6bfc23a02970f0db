namespace Warehouse.Etl.Loading;

/// <summary>What one load did: every file's result, what was refused unread, which partnerships changed.</summary>
public sealed record LoadReport(
    string RunId,
    IReadOnlyList<FileLoadResult> Files,
    IReadOnlyList<string> Refused,
    IReadOnlyList<string> PartnershipsChanged,
    int ProcessedFilesPurged)
{
    /// <summary>True when any file added or changed rows (the checks should run again).</summary>
    public bool BroughtNewData => PartnershipsChanged.Count > 0;
}
