namespace Warehouse.Analytics.Runs;

/// <summary>A condition a reader of a run's results must know about (<c>analytics.run_warnings</c>).</summary>
public sealed record RunWarningRow
{
    /// <summary>The run.</summary>
    public required string RunId { get; init; }

    /// <summary>A stable code, e.g. <c>working_days_not_available</c>.</summary>
    public required string Code { get; init; }

    /// <summary>One sentence saying what it means.</summary>
    public required string Message { get; init; }

    /// <summary>How many cases it concerns.</summary>
    public required long Count { get; init; }
}
