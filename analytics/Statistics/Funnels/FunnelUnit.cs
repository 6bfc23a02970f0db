namespace Warehouse.Analytics.Statistics;

/// <summary>One unit on a funnel plot (a locality, an agency): events over cases.</summary>
internal sealed record FunnelUnit(string Id, long Numerator, long Denominator);
