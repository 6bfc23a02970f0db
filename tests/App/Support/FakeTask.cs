using System.Collections.Concurrent;
using System.Threading.Channels;
using Warehouse.App.Tasks;

namespace Warehouse.App.Tests.Support;

/// <summary>
/// A task whose behaviour each test writes: what each attempt does, in order. It records every
/// call and lets the test hold a run open (<see cref="Hold"/>) and see when one starts.
/// </summary>
internal sealed class FakeTask(string name) : IWarehouseTask
{
    private readonly ConcurrentQueue<Func<TaskContext, TaskResult>> script = new();
    private readonly Channel<TaskContext> started = Channel.CreateUnbounded<TaskContext>();
    private TaskCompletionSource? hold;
    private int running;

    public string Name { get; } = name;

    public ConcurrentQueue<TaskContext> Calls { get; } = new();

    public int MostAtOnce { get; private set; }

    /// <summary>What a call does when the script has run out.</summary>
    public Func<TaskContext, TaskResult> Otherwise { get; set; } = _ => TaskResult.Done("nothing");

    public FakeTask Then(Func<TaskContext, TaskResult> step)
    {
        script.Enqueue(step);
        return this;
    }

    /// <summary>Makes every following call wait until <see cref="Release"/>.</summary>
    public void Hold() => hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => hold?.TrySetResult();

    /// <summary>Completes when the next call has started.</summary>
    public async Task<TaskContext> WaitStartedAsync() =>
        await started.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));

    public async Task<TaskResult> RunAsync(TaskContext context, CancellationToken cancellationToken)
    {
        Calls.Enqueue(context);
        var now = Interlocked.Increment(ref running);
        lock (script) MostAtOnce = Math.Max(MostAtOnce, now);
        started.Writer.TryWrite(context);
        try
        {
            if (hold is { } gate) await gate.Task.WaitAsync(cancellationToken);
            return script.TryDequeue(out var step) ? step(context) : Otherwise(context);
        }
        finally
        {
            Interlocked.Decrement(ref running);
        }
    }
}
