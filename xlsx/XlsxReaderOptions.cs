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

    /// <summary>
    /// Most memory the shared string table may take (it is held while sheets are read): two bytes a
    /// character plus a few dozen a string. A part of a few hundred megabytes of tiny strings would
    /// otherwise take gigabytes.
    /// </summary>
    public long MaxSharedStringsMemoryBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>
    /// When true, a formula cell without a saved result reads as <see cref="XlsxValueKind.UncalculatedFormula"/>
    /// (its formula in <see cref="XlsxValue.Text"/>), so a reader can say why the value is missing;
    /// when false (the default) it reads as blank.
    /// </summary>
    public bool ReportUncalculatedFormulas { get; init; }
}
