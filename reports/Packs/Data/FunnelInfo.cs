namespace Warehouse.Reports.Packs.Data;

/// <summary>One funnel of a run (<c>analytics.funnels</c>): its target and overdispersion adjustment.</summary>
internal sealed record FunnelInfo(string Comparison, string Measure, DateOnly Period, string Grouping, double? Target, double Tau2, string Note);
