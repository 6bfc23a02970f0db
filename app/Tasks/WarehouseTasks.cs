namespace Warehouse.App.Tasks;

/// <summary>
/// The tasks this build of <c>warehouse</c> can run, registered once at start-up (in
/// <c>Program.cs</c>) by the code that implements them. The scheduler and <c>jobs run</c> take a
/// snapshot (<see cref="Snapshot"/>) when they start; tests build their own
/// <see cref="TaskRegistry"/> and never touch this one.
/// </summary>
public static class WarehouseTasks
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, IWarehouseTask> Registered = new(StringComparer.Ordinal);

    /// <summary>Registers a task under its <see cref="IWarehouseTask.Name"/>.</summary>
    /// <exception cref="InvalidOperationException">Another task already has that name.</exception>
    public static void Register(IWarehouseTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        lock (Gate)
        {
            if (!Registered.TryAdd(task.Name, task))
                throw new InvalidOperationException($"Two tasks are registered as '{task.Name}'; each job name needs exactly one implementation.");
        }
    }

    /// <summary>The tasks registered so far.</summary>
    public static TaskRegistry Snapshot()
    {
        lock (Gate) return new TaskRegistry(Registered.Values);
    }
}
