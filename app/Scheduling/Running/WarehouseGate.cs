namespace Warehouse.App.Scheduling.Running;

/// <summary>
/// One job at a time holds the warehouse in this process: the marker beside the file names one
/// job, and a job waiting here is still "running" to Quartz, so it does not misfire while it waits.
/// </summary>
internal sealed class WarehouseGate : IDisposable
{
    private readonly SemaphoreSlim semaphore = new(1, 1);

    internal Task WaitAsync(CancellationToken cancellationToken) => semaphore.WaitAsync(cancellationToken);

    internal void Release() => semaphore.Release();

    public void Dispose() => semaphore.Dispose();
}
