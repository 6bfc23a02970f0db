using Warehouse.Analytics.Checks.Agreement;
using Warehouse.Analytics.Checks.Exceptions;
using Warehouse.Analytics.Checks.Funnels;
using Warehouse.Analytics.Checks.Measures;

namespace Warehouse.Analytics.Runs;

/// <summary>Everything one check run recorded, as read back by <see cref="CheckResults.Load"/>.</summary>
/// <param name="Run">The run.</param>
/// <param name="Inputs">What it read.</param>
/// <param name="Warnings">What to know about its results.</param>
/// <param name="Matrices">The agreement matrices' cells.</param>
/// <param name="Agreement">The agreement statistics, one row per matrix.</param>
/// <param name="NotAssessable">Consultations each comparison could not use, by month and reason.</param>
/// <param name="Funnels">The funnel plots.</param>
/// <param name="FunnelPoints">The units on them.</param>
/// <param name="Measures">Every measure, tidy.</param>
/// <param name="Exceptions">The case-level exceptions (restricted).</param>
public sealed record CheckRunResults(
    CheckRunRow Run,
    IReadOnlyList<RunInputRow> Inputs,
    IReadOnlyList<RunWarningRow> Warnings,
    IReadOnlyList<AgreementMatrixRow> Matrices,
    IReadOnlyList<AgreementResultRow> Agreement,
    IReadOnlyList<NotAssessableRow> NotAssessable,
    IReadOnlyList<FunnelRow> Funnels,
    IReadOnlyList<FunnelPointRow> FunnelPoints,
    IReadOnlyList<MeasureRow> Measures,
    IReadOnlyList<ExceptionRow> Exceptions);
