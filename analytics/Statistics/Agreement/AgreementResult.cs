namespace Warehouse.Analytics.Statistics;

/// <summary>
/// Everything METRICS.md asks for one comparison (reference → compared) and one group.
/// </summary>
/// <param name="Matrix">The k×k counts, all levels present.</param>
/// <param name="Agreement">Diagonal / N with a Wilson 95% interval.</param>
/// <param name="Unweighted">Cohen's kappa.</param>
/// <param name="Linear">Linear-weighted kappa: the headline.</param>
/// <param name="Quadratic">Quadratic-weighted kappa.</param>
/// <param name="Over">Pairs with the compared level above the reference, over N.</param>
/// <param name="Under">Pairs with the compared level below the reference, over N.</param>
/// <param name="SeriousUnder">
/// Pairs with the reference at the top level and the compared view at or below the second level,
/// over N (all pairs counted), so that over, under and serious-under share one denominator and
/// serious-under is always a part of under. Null when k &lt; 3 (there is no level strictly between
/// "second" and "top", so the definition does not apply).
/// </param>
/// <param name="TopLevelReferenceCount">Pairs with the reference at the top level (row k − 1 total).</param>
/// <param name="SeriousUnderAmongTopLevel">
/// The same count over <see cref="TopLevelReferenceCount"/>: "of the consultations the reference put at
/// the top level, the share that got the second level or lower". Null when k &lt; 3.
/// </param>
internal sealed record AgreementResult(
    AgreementMatrix Matrix,
    ProportionEstimate Agreement,
    KappaEstimate Unweighted,
    KappaEstimate Linear,
    KappaEstimate Quadratic,
    ProportionEstimate Over,
    ProportionEstimate Under,
    ProportionEstimate? SeriousUnder,
    long TopLevelReferenceCount,
    ProportionEstimate? SeriousUnderAmongTopLevel)
{
    /// <summary>N, the number of pairs counted.</summary>
    public long Cases => Matrix.Total;
}
