namespace Warehouse.Bench;

/// <summary>
/// The highest managed heap seen while a step runs, sampled every few milliseconds: what the step
/// holds at once, as opposed to what it allocates over its life (which grows with the rows written
/// however well they are streamed) or the process's working set (which includes DuckDB's caches and
/// everything earlier steps left behind).
/// </summary>
internal sealed class HeapSampler : IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampling;
    private long peak;

    private HeapSampler()
    {
        peak = GC.GetTotalMemory(false);
        sampling = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var now = GC.GetTotalMemory(false);
                if (now > Interlocked.Read(ref peak))
                {
                    Interlocked.Exchange(ref peak, now);
                }

                try
                {
                    await Task.Delay(5, stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        });
    }

    /// <summary>Starts sampling after a full collection, so that the step starts from what is live.</summary>
    public static HeapSampler Start()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return new HeapSampler();
    }

    public long PeakBytes => Interlocked.Read(ref peak);

    public void Dispose()
    {
        if (stop.IsCancellationRequested)
        {
            return;
        }

        stop.Cancel();
        sampling.Wait();
        stop.Dispose();
    }
}
