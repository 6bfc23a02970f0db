namespace Warehouse.Reports.Charts;

/// <summary>The control limits at one denominator; the analytics compute them (exact binomial or normal, adjusted for overdispersion when it applies), the chart only draws them.</summary>
internal sealed record FunnelLimit(double Denominator, double Lower95, double Upper95, double Lower998, double Upper998);
