namespace Warehouse.Analytics.Statistics;

/// <summary>A two-sided interval, on the same scale as the estimate it belongs to.</summary>
internal readonly record struct ConfidenceInterval(double Lower, double Upper);
