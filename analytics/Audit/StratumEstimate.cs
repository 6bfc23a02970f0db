namespace Warehouse.Analytics.Audit;

/// <summary>One stratum's part in the right-level estimate.</summary>
/// <param name="Stratum">The stratum.</param>
/// <param name="Population">N_h.</param>
/// <param name="Sampled">n_h, the cases drawn.</param>
/// <param name="Judged">m_h, the cases with a judgement.</param>
/// <param name="RightLevel">y_h, judged cases whose auditor's level equals the recommended level.</param>
/// <param name="Rate">p̂_h = y_h / m_h; null when nothing was judged.</param>
/// <param name="Weight">N_h / m_h: each judged case's design weight (1 / π when every drawn case is judged); null when nothing was judged.</param>
public sealed record StratumEstimate(string Stratum, long Population, int Sampled, int Judged, int RightLevel, double? Rate, double? Weight);
