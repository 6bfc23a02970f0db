namespace Warehouse.App.Tasks;

/// <summary>What a task run produced, as shown by <c>warehouse status</c>.</summary>
public sealed record TaskResult
{
    /// <summary>A short description of what the run produced (files, counts); never an identifier.</summary>
    public required string Produced { get; init; }

    /// <summary>True when the run brought new data into the warehouse: jobs chained after this one then run.</summary>
    public bool NewData { get; init; }

    /// <summary>True when there was nothing to do; the run is recorded with outcome <c>skipped</c>.</summary>
    public bool Skipped { get; init; }

    /// <summary>
    /// Work to do once the job's warehouse connection is closed (e.g. compacting the file after a
    /// purge), still before any other job may open it. Its failure does not undo the job.
    /// </summary>
    public Action? AfterWarehouseReleased { get; init; }

    /// <summary>A run that did its work.</summary>
    public static TaskResult Done(string produced, bool newData = false) => new() { Produced = produced, NewData = newData };

    /// <summary>A run that found nothing to do (recorded as <c>skipped</c>, with the reason as what it produced).</summary>
    public static TaskResult NothingToDo(string reason) => new() { Produced = reason, Skipped = true };
}
