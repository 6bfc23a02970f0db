namespace Warehouse.Analytics.Audit;

/// <summary>One stratum's data for the stratified estimate: N_h, the cases drawn (n_h), judged (m_h) and judged "yes" (y_h).</summary>
internal readonly record struct StratumObservation(string Stratum, long Population, int Sampled, int Judged, int Successes);
