namespace Warehouse.Analytics.Audit;

/// <summary>A stratum as the allocation sees it: its name, N_h, and whether every case must be taken.</summary>
internal readonly record struct StratumSize(string Stratum, long Population, bool TakeAll);
