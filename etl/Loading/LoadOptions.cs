namespace Warehouse.Etl.Loading;

/// <summary>Settings of a load (each has a documented default in the contract).</summary>
public sealed record LoadOptions
{
    /// <summary>A used sheet, list or file with at least <see cref="RejectMinimumRows"/> rows is refused when more than this share of its rows are rejects.</summary>
    public double RejectShareLimit { get; init; } = 0.5;

    /// <summary>The smallest number of rows to which the reject share applies.</summary>
    public int RejectMinimumRows { get; init; } = 20;

    /// <summary>Days after a consultation in which Annex A events show the support provided.</summary>
    public int ActualLevelWindowDays { get; init; } = 30;

    /// <summary>Days a loaded file is kept in processed/ before it is deleted (the warehouse holds its rows).</summary>
    public int ProcessedRetentionDays { get; init; } = 30;

    /// <summary>Files larger than this are refused unread.</summary>
    public long MaxFileBytes { get; init; } = 4L << 30;

    /// <summary>An xlsx whose parts would inflate beyond this is refused (a zip bomb guard).</summary>
    public long MaxWorkbookInflatedBytes { get; init; } = 1L << 30;
}
