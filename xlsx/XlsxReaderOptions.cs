namespace Warehouse.Xlsx;

/// <summary>Limits that keep a hostile or broken file from exhausting memory or disk.</summary>
public sealed record XlsxReaderOptions
{
    public static XlsxReaderOptions Default { get; } = new();

    /// <summary>Largest uncompressed size of any one part (a sheet's XML); checked against the zip's declared size and again while reading.</summary>
    public long MaxPartBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>Largest uncompressed size of all parts together.</summary>
    public long MaxTotalBytes { get; init; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Most entries in the zip.</summary>
    public int MaxEntries { get; init; } = 10_000;
}
