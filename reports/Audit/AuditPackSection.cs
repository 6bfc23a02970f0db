using System.Globalization;
using Warehouse.Analytics.Audit;
using Warehouse.Analytics.Disclosure;
using Warehouse.Reports.Excel;
using Warehouse.Reports.Packs;
using Warehouse.Reports.Packs.Figures;
using Warehouse.Reports.Packs.Rendering;

namespace Warehouse.Reports.Audit;

/// <summary>
/// The audit findings section of the executive pack: the design-weighted right-level rate for the month
/// audited, and the sample figures (auditor against recommended and actual level, and the two auditors
/// of the moderated cases). Its figures go into the pack's one disclosure request like every other
/// table's, so the usual rules apply: counts of 1 to 5 are [c], rates whose numerator, denominator or
/// difference is suppressed are [c], kappa and the estimate are [u] on fewer than the minimum cases.
/// </summary>
/// <remarks>
/// The right-level estimate is hidden whenever the sample counts behind it are (the right-level and
/// other judged cases, which are the auditor → recommended agreements and disagreements): with every
/// assessable case audited it would equal them over the month's count, which other tables publish.
/// Stratum figures and the 4×4 matrices are never published (they stay in analytics.audit_findings).
/// </remarks>
internal static class AuditPackSection
{
    public const string TableId = "18b-audit-sample";

    private const string Grouping = "audit";

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Declares the section's figures in <paramref name="book"/> and returns its table, completed.</summary>
    public static PackTable Plan(FigureBook book, AuditPackFindings findings)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(findings);
        var t = book.Table(TableId);
        FigureId Fig(string comparison, string measure) => new(findings.Period, Grouping, findings.AuditId, comparison, measure);

        var rows = new List<IReadOnlyList<PackValue>>();
        var toRecommended = SampleRow(t, findings, Fig, AuditComparisons.AuditedToRecommended, "Auditor's level against the recommended level");

        // The design-weighted estimate rests on the same judged cases as auditor → recommended: its
        // "yes" cases are that comparison's agreements.
        var right = findings.Find(AuditComparisons.RightLevel, "rate");
        long judged = (long)(findings.Find(AuditComparisons.RightLevel, "judged")?.Value ?? 0);
        var reveals = new[]
        {
            Fig(AuditComparisons.AuditedToRecommended, "agreements").Key,
            CellKey.Difference(Fig(AuditComparisons.AuditedToRecommended, "cases").Key, Fig(AuditComparisons.AuditedToRecommended, "agreements").Key),
        };
        var estimate = t.Statistic(Fig(AuditComparisons.RightLevel, "rate"), FigureUnit.Percent, right?.Value * 100, judged, 1,
            lower: right?.Lower * 100, upper: right?.Upper * 100, reveals: reveals);
        rows.Add(
        [
            new TextValue("Right level: auditor's level equals the recommended level"),
            new TextValue("Estimate for the month (design-weighted)"),
            // The judged cases are auditor → recommended's cases: one number, one identity.
            t.Count(Fig(AuditComparisons.AuditedToRecommended, "cases"), judged),
            estimate, TableBuilder.Lower(estimate), TableBuilder.Upper(estimate),
            new SymbolValue("[z]"), new SymbolValue("[z]"), new SymbolValue("[z]"),
        ]);
        rows.Add(toRecommended);
        rows.Add(SampleRow(t, findings, Fig, AuditComparisons.AuditedToActual, "Auditor's level against the actual level"));
        rows.Add(SampleRow(t, findings, Fig, AuditComparisons.Moderation, "Second auditor against first, moderated cases"));

        var month = findings.Period.ToString("MMMM yyyy", English);
        long population = (long)(findings.Find(AuditComparisons.RightLevel, "population")?.Value ?? 0);
        t.Complete();
        return new PackTable(TableId, "Audit_sample", "Audit_sample_findings", $"Threshold audit findings: a stratified sample of {month}'s consultations",
            [
                PackColumn.Text("Finding"), PackColumn.Text("Basis"), PackColumn.Count("Cases judged"),
                PackColumn.Percent("Agreement (%)"), PackColumn.Percent("Lower 95% limit (%)"), PackColumn.Percent("Upper 95% limit (%)"),
                new PackColumn("Linear-weighted kappa", ColumnKind.Kappa), new PackColumn("Kappa lower 95% limit", ColumnKind.Kappa), new PackColumn("Kappa upper 95% limit", ColumnKind.Kappa),
            ],
            rows)
        {
            Description =
            [
                string.Create(CultureInfo.InvariantCulture, $"Quality-assurance staff audited a stratified random sample of the {month} consultations whose recommended and actual levels could be compared ({population:N0} assessable), against the threshold document. Audit {findings.AuditId}."),
                "The first row estimates, for all of the month's assessable consultations, the share at the level the auditors judged right: each audited case stands for the consultations of its stratum (locality and agreement category) it represents, and its 95% interval allows for the stratified design. Every serious under-response was audited.",
                "The other rows are sample figures: they describe the audited cases themselves, which over-represent disagreements by design, and are not estimates for the month. The last row compares the two auditors of the cases given to both for moderation.",
            ],
        };
    }

    /// <summary>
    /// The section as a sheet under a disclosure request of its own: for a pack that does not plan it
    /// with its other tables, and for the tests. Inside the monthly pack, <see cref="Plan"/> it into the
    /// pack's <see cref="FigureBook"/> instead, so that one request covers every table.
    /// </summary>
    public static TableSheet RenderAlone(AuditPackFindings findings, PackDisclosureOptions? options = null)
    {
        var book = new FigureBook();
        var table = Plan(book, findings);
        var published = DisclosureControl.Apply(book.Request(new Dictionary<CellKey, PublishedFigure>()), (options ?? PackDisclosureOptions.Default).ToAnalytics());
        return SheetRenderer.Render(table, new PublishedFigures(book, published));
    }

    private static List<PackValue> SampleRow(TableBuilder t, AuditPackFindings findings, Func<string, string, FigureId> fig, string comparison, string label)
    {
        var cases = findings.Find(comparison, "cases");
        var agreement = findings.Find(comparison, "agreement");
        var kappa = findings.Find(comparison, "linear_kappa");
        long n = agreement?.Denominator ?? (long)(cases?.Value ?? 0);
        long agreements = agreement?.Numerator ?? 0;
        var rate = t.Percent(fig(comparison, "agreement"), fig(comparison, "agreements"), agreements, fig(comparison, "cases"), n, agreement?.Lower, agreement?.Upper);
        var statistic = t.Statistic(fig(comparison, "linear_kappa"), FigureUnit.Kappa, kappa?.Value, n, 2,
            notApplicable: kappa?.Status == "not_applicable", lower: kappa?.Lower, upper: kappa?.Upper,
            reveals: [fig(comparison, "agreements").Key, CellKey.Difference(fig(comparison, "cases").Key, fig(comparison, "agreements").Key)]);
        return
        [
            new TextValue(label), new TextValue("Audited cases (sample)"),
            t.Count(fig(comparison, "cases"), n),
            rate, TableBuilder.Lower(rate), TableBuilder.Upper(rate),
            statistic, TableBuilder.Lower(statistic), TableBuilder.Upper(statistic),
        ];
    }
}
