using System.Collections.Concurrent;
using Quartz;

namespace Warehouse.App.Tests.Support;

/// <summary>
/// A Quartz job listener: how many firings of each job ran at once, and a signal when one ends.
/// </summary>
internal sealed class JobWatcher : IJobListener
{
    private readonly ConcurrentDictionary<string, int> running = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> mostAtOnce = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> finished = new(StringComparer.Ordinal);

    public string Name => "test-watcher";

    public int MostAtOnce(string job) => mostAtOnce.GetValueOrDefault(job);

    public int Started(string job) => started.GetValueOrDefault(job);

    private readonly ConcurrentDictionary<string, int> started = new(StringComparer.Ordinal);

    /// <summary>Completes when a firing of <paramref name="job"/> has finished (the first one, if it already has).</summary>
    public Task FinishedAsync(string job) => Signal(job).Task.WaitAsync(TimeSpan.FromSeconds(20));

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var job = context.JobDetail.Key.Name;
        started.AddOrUpdate(job, 1, (_, n) => n + 1);
        var now = running.AddOrUpdate(job, 1, (_, n) => n + 1);
        mostAtOnce.AddOrUpdate(job, now, (_, most) => Math.Max(most, now));
        return ValueTask.CompletedTask;
    }

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        var job = context.JobDetail.Key.Name;
        running.AddOrUpdate(job, 0, (_, n) => n - 1);
        Signal(job).TrySetResult();
        return ValueTask.CompletedTask;
    }

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    private TaskCompletionSource Signal(string job) =>
        finished.GetOrAdd(job, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
