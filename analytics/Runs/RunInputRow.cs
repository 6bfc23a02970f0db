namespace Warehouse.Analytics.Runs;

/// <summary>Something a run read (<c>analytics.run_inputs</c>).</summary>
public sealed record RunInputRow
{
    /// <summary>The run.</summary>
    public required string RunId { get; init; }

    /// <summary><c>file</c>, <c>table</c>, <c>actual_source</c> or <c>framework_version</c>.</summary>
    public required string InputKind { get; init; }

    /// <summary>The file name, table name, actual-level source or framework version.</summary>
    public required string Name { get; init; }

    /// <summary>For a file its kind; for an actual-level source <c>all</c> (as stored) or <c>analysed</c> (the reported months, at the cut-off).</summary>
    public string? Detail { get; init; }

    /// <summary>A file's SHA-256.</summary>
    public string? Sha256 { get; init; }

    /// <summary>When a file was loaded (UTC).</summary>
    public DateTime? LoadedAt { get; init; }

    /// <summary>Rows loaded from a file, or rows / consultations counted.</summary>
    public required long RowCount { get; init; }
}
