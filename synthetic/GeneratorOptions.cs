namespace Warehouse.Synthetic;

/// <summary>
/// What <see cref="SyntheticGenerator.Generate"/> writes. The same options (the output folder aside) always give the
/// same bytes.
/// </summary>
public sealed record GeneratorOptions
{
    /// <summary>The most data rows an Excel sheet holds under its header row (1,048,576 rows in all).</summary>
    public const int ExcelMaxDataRows = 1_048_575;

    /// <summary>The seed every random choice derives from.</summary>
    public long Seed { get; init; } = 20_251_122;

    /// <summary>
    /// The folder to write to, laid out as an inbox: <c>&lt;out&gt;/&lt;partnership&gt;/…</c>, with <c>manifest.json</c> at
    /// its root. A partnership folder that already holds files, or an existing manifest, is refused.
    /// </summary>
    public required string OutputFolder { get; init; }

    /// <summary>The partnerships to generate (codes of the framework catalog); null or empty means every one.</summary>
    public IReadOnlyList<string>? Partnerships { get; init; }

    /// <summary>The first month (any day of it).</summary>
    public DateOnly Start { get; init; } = new(2025, 1, 1);

    /// <summary>How many months, 1 to 120.</summary>
    public int Months { get; init; } = 12;

    /// <summary>Consultations per partnership over the whole span, 100 to 10,000,000.</summary>
    public int ConsultationsPerPartnership { get; init; } = 20_000;

    /// <summary>
    /// Plant the known inconsistencies: one locality with over-response, one agency with under-response
    /// (recommended → actual) and a set of serious under-responses, all named in the manifest. Without them every
    /// locality and agency shares the same response probabilities.
    /// </summary>
    public bool PlantInconsistencies { get; init; } = true;

    /// <summary>
    /// The share of consultations whose <c>actual_level</c> is written (0 to 1); the others show their actual level
    /// only through Annex A events.
    /// </summary>
    public double RecordedActualShare { get; init; } = 0.5;

    /// <summary>How Annex A returns are written.</summary>
    public AnnexAFormat AnnexAFormat { get; init; } = AnnexAFormat.Auto;

    /// <summary>
    /// The most data rows a list may have and still go into a workbook (<see cref="AnnexAFormat.Auto"/>); Excel's
    /// limit by default. Lower it to see the switch to CSV on a small run.
    /// </summary>
    public int ExcelRowLimit { get; init; } = ExcelMaxDataRows;

    /// <summary>
    /// Write the mess real exports contain: Annex A labels with and without their letter prefix (<c>a) Male</c>,
    /// <c>Male</c>), Excel serial dates beside text dates, formulas, <c>#N/A</c>, non-breaking spaces in names, decimal
    /// ages; consultation files whose header case, column order, date format and quoting vary.
    /// </summary>
    public bool Messy { get; init; } = true;

    /// <summary>No consultation is dated after this day, and no Annex A event either; default: the last day of the last month.</summary>
    public DateOnly? Today { get; init; }

    /// <summary>A folder of framework and reference files laid out like <c>frameworks/data/</c>; null for the shipped ones.</summary>
    public string? FrameworksDirectory { get; init; }

    /// <summary>
    /// When set, also write an answer key here (outside the inbox): per consultation, the actual level the contract's
    /// derivation must produce and where it comes from. For tests of the loader and the analytics.
    /// </summary>
    public string? AnswerKeyFolder { get; init; }
}
