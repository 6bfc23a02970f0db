using Warehouse.Analytics.Statistics;

namespace Warehouse.Analytics.Checks.Agreement;

/// <summary>The statistics of one comparison for one group and month.</summary>
/// <param name="Comparison">The comparison's name, e.g. <c>recommended_to_actual</c>.</param>
/// <param name="Period">The first day of the month the group covers.</param>
/// <param name="Grouping">What the result is broken down by.</param>
/// <param name="GroupValue">The group.</param>
/// <param name="Provisional">The comparison uses actual levels and the month's are partly pending.</param>
/// <param name="Result">The matrix and its statistics.</param>
internal sealed record ComparisonGroup(
    string Comparison,
    DateOnly Period,
    string Grouping,
    string GroupValue,
    bool Provisional,
    AgreementResult Result);
