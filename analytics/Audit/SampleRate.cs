namespace Warehouse.Analytics.Audit;

/// <summary>A proportion of the audited cases, Count / Total, with its Wilson 95% interval; null values when Total is 0.</summary>
public sealed record SampleRate(long Count, long Total, double? Rate, double? Lower, double? Upper);
