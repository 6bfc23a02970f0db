using Microsoft.Extensions.Logging;
using Warehouse.App.Settings;
using Warehouse.Store.DuckDb;

namespace Warehouse.App.Tasks;

/// <summary>Everything a task run is given: the open warehouse, the settings, the clock.</summary>
public sealed class TaskContext
{
    /// <summary>The run's id (<c>ops.job_runs.run_id</c>); link rows the run writes to it.</summary>
    public required string RunId { get; init; }

    /// <summary>The job being run, e.g. <c>load-inbox</c>.</summary>
    public required string JobName { get; init; }

    /// <summary>Why the run started.</summary>
    public required TriggerKind Trigger { get; init; }

    /// <summary>The fire time the run is for, when a schedule (or a missed schedule) started it.</summary>
    public DateTimeOffset? ScheduledFor { get; init; }

    /// <summary>1 for the first attempt, 2 for the first retry, and so on.</summary>
    public required int Attempt { get; init; }

    /// <summary>The warehouse, open read-write for this run only; do not dispose it.</summary>
    public required DuckDbConnection Warehouse { get; init; }

    /// <summary>The settings in force.</summary>
    public required WarehouseSettings Settings { get; init; }

    /// <summary>The clock: use it for every "now" (never <see cref="DateTime.Now"/>).</summary>
    public required TimeProvider Time { get; init; }

    /// <summary>Where to log progress; never log an identifier.</summary>
    public required ILogger Log { get; init; }
}
