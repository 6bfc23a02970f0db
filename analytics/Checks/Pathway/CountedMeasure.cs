namespace Warehouse.Analytics.Checks.Pathway;

/// <summary>One row of the temp table <c>chk_measures</c>, as the SQL counted it.</summary>
internal sealed record CountedMeasure(
    DateOnly Period,
    string Grouping,
    string GroupValue,
    string Measure,
    string Kind,
    string Unit,
    long? Numerator,
    long? Denominator,
    double? Value,
    double? Comparator,
    bool Provisional);
