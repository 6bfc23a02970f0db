namespace Warehouse.Analytics.Audit;

/// <summary>
/// The agreement categories of recommended → actual that, with the locality, make an audit's strata
/// (METRICS.md, "Comparisons"). The same codes are in Sql/population.sql.
/// </summary>
public static class AuditCategories
{
    /// <summary>The actual level equals the recommended level.</summary>
    public const string Agreed = "agreed";

    /// <summary>Over-response: the actual level is above the recommended level.</summary>
    public const string Over = "over";

    /// <summary>Under-response: the actual level is below the recommended level (serious ones excepted).</summary>
    public const string Under = "under";

    /// <summary>
    /// Serious under-response: recommended at the top level, actual at or below the second. Every such
    /// consultation is audited (a take-all stratum).
    /// </summary>
    public const string SeriousUnder = "serious_under";

    /// <summary>The categories in the order the design lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [Agreed, Over, Under, SeriousUnder];
}
