namespace Warehouse.Analytics.Runs;

/// <summary>One check run (<c>analytics.check_runs</c>): what it covered and with which settings.</summary>
public sealed record CheckRunRow
{
    /// <summary>The run's id (a GUID): the key of its rows in every <c>analytics.*</c> table.</summary>
    public required string RunId { get; init; }

    /// <summary>The partnership code.</summary>
    public required string Partnership { get; init; }

    /// <summary>The pack month M (first day): volumes, recommended levels and most practice measures.</summary>
    public required DateOnly Period { get; init; }

    /// <summary>The latest month up to M with no pending consultation at the cut-off: the agreement measures. Null when none.</summary>
    public DateOnly? ConsistencyPeriod { get; init; }

    /// <summary>The latest month up to M whose consultations' windows all closed by the cut-off: conversion.</summary>
    public required DateOnly WindowPeriod { get; init; }

    /// <summary>The first month of the 13-month trend (M − 12).</summary>
    public required DateOnly TrendStart { get; init; }

    /// <summary>The data cut-off used.</summary>
    public required DateOnly DataCutOff { get; init; }

    /// <summary>True when the run was given its cut-off; false when it was the latest date the loaded sources cover.</summary>
    public required bool CutOffGiven { get; init; }

    /// <summary>The framework versions of the consultations analysed, comma-separated.</summary>
    public required string FrameworkVersions { get; init; }

    /// <summary>The window in days.</summary>
    public required int WindowDays { get; init; }

    /// <summary>The minimum number of cases for a reliable statistic.</summary>
    public required int MinimumCases { get; init; }

    /// <summary>The Pathway to Change high score.</summary>
    public required int HighScore { get; init; }

    /// <summary>The working days a decision is due within.</summary>
    public required int DecisionWorkingDays { get; init; }

    /// <summary>The top level (4).</summary>
    public required int TopLevel { get; init; }

    /// <summary>The warehouse schema version the run wrote.</summary>
    public required int SchemaVersion { get; init; }

    /// <summary>The version of the analytics code.</summary>
    public required string SoftwareVersion { get; init; }

    /// <summary>When the run started (UTC).</summary>
    public required DateTime StartedAt { get; init; }

    /// <summary>When the run finished (UTC).</summary>
    public required DateTime FinishedAt { get; init; }

    /// <summary>How many warnings the run recorded (<c>analytics.run_warnings</c>).</summary>
    public required long Warnings { get; init; }
}
