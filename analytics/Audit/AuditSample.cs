namespace Warehouse.Analytics.Audit;

/// <summary>A drawn audit sample, as stored in <c>fact.audit_sample</c>, <c>fact.audit_sample_stratum</c> and <c>fact.audit_sample_case</c>.</summary>
/// <param name="AuditId">The audit's id: the key of its rows, printed in every workbook.</param>
/// <param name="Partnership">The partnership.</param>
/// <param name="Period">The first day of the month audited.</param>
/// <param name="Seed">The seed the sample was drawn with.</param>
/// <param name="RequestedSize">The size asked for.</param>
/// <param name="CutOff">The data cut-off that decided which consultations were assessable.</param>
/// <param name="Blind">Workbooks show neither the outcome nor any level.</param>
/// <param name="CreatedAt">When it was drawn.</param>
/// <param name="Strata">Every stratum with at least one assessable consultation.</param>
/// <param name="Cases">The sampled cases in case-number order.</param>
/// <param name="Notes">What a reader of the design must know (e.g. the minimum per stratum made the sample larger).</param>
public sealed record AuditSample(
    string AuditId,
    string Partnership,
    DateOnly Period,
    long Seed,
    int RequestedSize,
    DateOnly CutOff,
    bool Blind,
    DateTimeOffset CreatedAt,
    IReadOnlyList<AuditStratum> Strata,
    IReadOnlyList<AuditCase> Cases,
    IReadOnlyList<string> Notes)
{
    /// <summary>N: the month's assessable consultations.</summary>
    public long Population => Strata.Sum(s => s.Population);

    /// <summary>n: the cases drawn.</summary>
    public int Size => Cases.Count;

    /// <summary>The cases given to a second auditor.</summary>
    public int Moderated => Cases.Count(c => c.IsModerated);

    /// <summary>The auditors in the order given.</summary>
    public required IReadOnlyList<string> Auditors { get; init; }
}
