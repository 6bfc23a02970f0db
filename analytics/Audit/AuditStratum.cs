namespace Warehouse.Analytics.Audit;

/// <summary>One stratum of an audit sample: a locality and an agreement category.</summary>
/// <param name="Stratum">The stratum's name, <c>&lt;locality&gt;/&lt;category&gt;</c>, e.g. <c>NUN/under</c>.</param>
/// <param name="Locality">The locality code.</param>
/// <param name="Category">One of <see cref="AuditCategories"/>.</param>
/// <param name="Population">N_h: the month's assessable consultations in the stratum.</param>
/// <param name="Sampled">n_h: the cases drawn from it.</param>
/// <param name="TakeAll">Every case of the stratum is in the sample (serious under-responses always).</param>
public sealed record AuditStratum(string Stratum, string Locality, string Category, long Population, int Sampled, bool TakeAll)
{
    /// <summary>π = n_h / N_h, each case's probability of being in the sample (simple random sampling without replacement).</summary>
    public double InclusionProbability => Population == 0 ? 0 : (double)Sampled / Population;
}
