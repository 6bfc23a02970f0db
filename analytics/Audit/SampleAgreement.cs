namespace Warehouse.Analytics.Audit;

/// <summary>
/// Agreement between two views of the level on the audited cases (METRICS.md, per comparison): sample
/// figures, never weighted – they describe the cases audited, not the month.
/// </summary>
/// <param name="Comparison">One of <see cref="AuditComparisons"/>: reference → compared.</param>
/// <param name="Matrix">The 4×4 counts, rows the reference level 1–4, columns the compared level.</param>
/// <param name="Agreement">Pairs on the diagonal.</param>
/// <param name="Kappa">Cohen's kappa.</param>
/// <param name="LinearKappa">Linear-weighted kappa (the headline).</param>
/// <param name="QuadraticKappa">Quadratic-weighted kappa.</param>
/// <param name="Over">The compared level above the reference.</param>
/// <param name="Under">The compared level below the reference.</param>
/// <param name="SeriousUnder">The reference at the top level and the compared level at or below the second.</param>
public sealed record SampleAgreement(
    string Comparison,
    IReadOnlyList<IReadOnlyList<long>> Matrix,
    SampleRate Agreement,
    SampleKappa Kappa,
    SampleKappa LinearKappa,
    SampleKappa QuadraticKappa,
    SampleRate Over,
    SampleRate Under,
    SampleRate SeriousUnder)
{
    /// <summary>N: the pairs counted.</summary>
    public long Cases => Agreement.Total;
}
