namespace Warehouse.Reports.Excel;

/// <summary>How an output file is created.</summary>
internal sealed record OutputFileOptions
{
    public static OutputFileOptions Default { get; } = new();

    /// <summary>
    /// Create the file readable and writable by its owner only (Unix mode 0600), for restricted
    /// outputs such as QA workbooks with case-level rows. Ignored on Windows, where the folder's
    /// ACL decides.
    /// </summary>
    public bool OwnerOnly { get; init; }
}
