namespace Warehouse.Reports.Packs.Data;

/// <summary>A pathway or practice measure (<c>analytics.measures</c> rows without a comparison).</summary>
internal sealed record MeasureValue(
    DateOnly Period,
    string Grouping,
    string Group,
    string Measure,
    string Unit,
    double? Value,
    double? Lower,
    double? Upper,
    long? Numerator,
    long? Denominator,
    string Status,
    string? Flag,
    bool Provisional);
