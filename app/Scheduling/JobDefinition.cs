namespace Warehouse.App.Scheduling;

/// <summary>
/// One job of <c>schedules.json</c>: either a clock trigger (<see cref="Cron"/>, optionally limited
/// by a <see cref="Calendar"/>) or a chained one (<see cref="After"/>: runs after a run of that
/// job that brought new data).
/// </summary>
internal sealed record JobDefinition
{
    public required string Name { get; init; }

    public string Description { get; init; } = string.Empty;

    /// <summary>A Quartz cron expression (seconds first), in the schedule's time zone.</summary>
    public string? Cron { get; init; }

    /// <summary>A calendar that limits the cron trigger to the days it includes.</summary>
    public string? Calendar { get; init; }

    /// <summary>The job whose new data starts this one.</summary>
    public string? After { get; init; }

    public MisfirePolicy Misfire { get; init; } = MisfirePolicy.FireOnceNow;

    public RetryRule Retry { get; init; } = RetryRule.None;

    public bool IsChained => After is not null;
}
