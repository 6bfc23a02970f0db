using Warehouse.Reports.Audit;

namespace Warehouse.Reports.Packs.Data;

/// <summary>
/// Everything a pack publishes, as read from one check run: aggregated rows only (a few thousand at
/// most, whatever the size of the warehouse). Case-level rows are never part of it.
/// </summary>
internal sealed record PackData(
    RunInfo Run,
    string PartnershipName,
    IReadOnlyList<LocalityInfo> Localities,
    IReadOnlyList<AgencyInfo> Agencies,
    IReadOnlyDictionary<int, string> LevelNames,
    IReadOnlyList<AgreementRow> Agreement,
    IReadOnlyList<MatrixCell> Matrices,
    IReadOnlyList<NotAssessableCount> NotAssessable,
    IReadOnlyList<FunnelInfo> Funnels,
    IReadOnlyList<FunnelUnitFlag> FunnelFlags,
    IReadOnlyList<MeasureValue> Measures,
    IReadOnlyList<RunWarning> Warnings,
    IReadOnlyList<FileSummary> Files,
    IReadOnlyList<ProblemSummary> Problems,
    AnnexCoverage Coverage)
{
    /// <summary>
    /// The findings of the partnership's latest audit of the pack month or earlier (aggregated whole-month
    /// rows of <c>analytics.audit_findings</c>), or null when there is none: the pack then has no audit
    /// findings section.
    /// </summary>
    public AuditPackFindings? AuditFindings { get; init; }

    /// <summary>The level's name in the partnership's framework, e.g. "Early Support"; "Level n" when unknown.</summary>
    public string LevelName(int level) => LevelNames.TryGetValue(level, out var name) ? name : $"Level {level}";

    public string LocalityName(string code) => Localities.FirstOrDefault(l => l.Code == code)?.Name ?? code;

    public string AgencyName(string code) => Agencies.FirstOrDefault(a => a.Code == code)?.Name ?? code;

    /// <summary>The area of a locality; 'unknown' for a locality the reference data does not have (as the checks do).</summary>
    public string AreaOf(string locality) => Localities.FirstOrDefault(l => l.Code == locality)?.Area ?? "unknown";

    /// <summary>The sector of an agency; 'unknown' for an agency the reference data does not have (as the checks do).</summary>
    public string SectorOf(string agency) => Agencies.FirstOrDefault(a => a.Code == agency)?.Sector ?? "unknown";

    /// <summary>Worcestershire's document warns its levels do not map onto agencies' own service levels: every pack says so.</summary>
    public bool IsWorcestershire => Run.Partnership.Equals("worcestershire", StringComparison.OrdinalIgnoreCase);
}
