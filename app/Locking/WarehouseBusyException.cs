namespace Warehouse.App.Locking;

/// <summary>
/// Another process holds the warehouse. The message says which job is running and since when,
/// when the marker beside the warehouse tells.
/// </summary>
internal sealed class WarehouseBusyException : IOException
{
    public WarehouseBusyException(string message, RunningJob? job, Exception? inner = null) : base(message, inner) => Job = job;

    public WarehouseBusyException() : this("The warehouse is in use by another process.", null, null) { }

    public WarehouseBusyException(string message) : this(message, null, null) { }

    public WarehouseBusyException(string message, Exception inner) : this(message, null, inner) { }

    /// <summary>The running job, when a live marker names one.</summary>
    public RunningJob? Job { get; }
}
