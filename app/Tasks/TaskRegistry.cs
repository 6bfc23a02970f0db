namespace Warehouse.App.Tasks;

/// <summary>An immutable set of tasks, by job name: what the scheduler resolves jobs against.</summary>
public sealed class TaskRegistry
{
    private readonly Dictionary<string, IWarehouseTask> tasks;

    /// <summary>Creates a registry; two tasks with one name are refused.</summary>
    public TaskRegistry(IEnumerable<IWarehouseTask> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        this.tasks = new(StringComparer.Ordinal);
        foreach (var task in tasks)
        {
            if (!this.tasks.TryAdd(task.Name, task))
                throw new InvalidOperationException($"Two tasks are registered as '{task.Name}'; each job name needs exactly one implementation.");
        }
    }

    /// <summary>The job names that have an implementation.</summary>
    public IReadOnlyCollection<string> Names => tasks.Keys;

    /// <summary>The task for a job name, or null when this build has none.</summary>
    public IWarehouseTask? Find(string name) => tasks.GetValueOrDefault(name);
}
