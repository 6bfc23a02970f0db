namespace Warehouse.Analytics.Disclosure;

/// <summary>A count that a rate is built from; null when not available.</summary>
internal readonly record struct Quantity(CellKey Key, long? Value);
