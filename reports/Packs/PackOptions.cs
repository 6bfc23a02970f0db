namespace Warehouse.Reports.Packs;

/// <summary>
/// Where a pack goes and what it says about who published it. The same options serve the monthly
/// pack (<see cref="PackBuilder.Build"/>) and the weekly locality charts (<see cref="PackBuilder.BuildCharts"/>).
/// </summary>
public sealed record PackOptions
{
    /// <summary>
    /// The publishable output folder. A pack goes to <c>&lt;OutputFolder&gt;/&lt;partnership&gt;/&lt;yyyy-mm&gt;/</c>; the
    /// previous month's <c>tidy.csv</c> there is read to mark revised figures <c>[r]</c>.
    /// </summary>
    public required string OutputFolder { get; init; }

    /// <summary>
    /// The restricted output folder for the quality-assurance workbook (case-level rows). Created
    /// owner-only (0700); refused when it is readable by others, or inside the pack's own folder.
    /// </summary>
    public required string RestrictedFolder { get; init; }

    /// <summary>A folder that may hold the analyst's <c>commentary.txt</c> for this pack; null for none.</summary>
    public string? CommentaryFolder { get; init; }

    /// <summary>The disclosure-control rules in force (every pack's notes sheet states them).</summary>
    public PackDisclosureOptions Disclosure { get; init; } = PackDisclosureOptions.Default;

    /// <summary>Who publishes the pack, for the cover sheet (e.g. "Warwickshire Safeguarding Children Partnership").</summary>
    public string Publisher { get; init; } = "The safeguarding children partnership";

    /// <summary>Who to contact about it, for the cover sheet (a team mailbox, never a person's name).</summary>
    public string Contact { get; init; } = "The partnership's business unit";

    /// <summary>The version of Warehouse that made the pack, for the cover sheet.</summary>
    public string SoftwareVersion { get; init; } = "unknown";

    /// <summary>Write PNG copies of the charts (through librsvg) beside the SVGs. Default true.</summary>
    public bool RenderPng { get; init; } = true;

    /// <summary>The most rows a QA workbook sheet may have: Excel's limit; tests lower it.</summary>
    internal int QaSheetRowLimit { get; init; } = Warehouse.Xlsx.CellReference.MaxRows;

    /// <summary>Inline strings instead of a shared-string table (tests compare the sheet XML on its own).</summary>
    internal bool InlineStrings { get; init; }

    /// <summary>
    /// Tests only: false keeps the relations between figures from the disclosure stage, to show that
    /// the disclosure tests' intruder then recovers suppressed values. Never false in production.
    /// </summary>
    internal bool DeclareRelations { get; init; } = true;

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(OutputFolder, nameof(OutputFolder));
        ArgumentException.ThrowIfNullOrWhiteSpace(RestrictedFolder, nameof(RestrictedFolder));
        ArgumentNullException.ThrowIfNull(Disclosure, nameof(Disclosure));
        ArgumentException.ThrowIfNullOrWhiteSpace(Publisher, nameof(Publisher));
        ArgumentException.ThrowIfNullOrWhiteSpace(Contact, nameof(Contact));
        ArgumentException.ThrowIfNullOrWhiteSpace(SoftwareVersion, nameof(SoftwareVersion));
        Disclosure.Validate();
    }
}
