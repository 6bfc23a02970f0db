using Microsoft.Extensions.Logging.Abstractions;
using Warehouse.App.Scheduling;
using Warehouse.App.Scheduling.Running;
using Warehouse.App.Settings;
using Warehouse.App.Tasks;
using Warehouse.App.Tests.Support;

namespace Warehouse.App.Tests.Scheduling.Running;

public sealed class JobRunnerTests : IDisposable
{
    private static readonly RetryRule ThreeRetries = new(3, TimeSpan.FromMinutes(5));
    private static readonly DateTimeOffset Due = TestData.Utc(2026, 3, 10, 1, 30);
    private readonly TestFolder folder = new();
    private readonly FakeClock clock = new(TestData.Utc(2026, 3, 10, 1, 30));
    private readonly WarehouseGate gate = new();
    private readonly WarehouseSettings settings;
    private readonly FakeTask task = new("load-inbox");

    public JobRunnerTests() => settings = SettingsLoader.Load(null, new Dictionary<string, string?>(), folder.Root);

    public void Dispose()
    {
        gate.Dispose();
        folder.Dispose();
    }

    [Fact]
    public async Task A_transient_failure_is_retried_after_its_back_off_and_both_attempts_are_recorded()
    {
        task.Then(_ => throw new TransientTaskException("The inbox share was not reachable."))
            .Then(_ => TaskResult.Done("3 files, 120 rows", newData: true));

        var run = Runner().RunAsync(new JobRequest("load-inbox", TriggerKind.Schedule, Due, ThreeRetries), CancellationToken.None, CancellationToken.None);
        await clock.WaitForDelayAsync(TimeSpan.FromMinutes(5));
        Assert.Single(task.Calls);
        clock.Advance(TimeSpan.FromMinutes(5));
        var outcome = await run.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(new JobRunOutcome("load-inbox", "succeeded", "3 files, 120 rows", null, true, 2), outcome);
        Assert.Equal([
            new RunRecord("load-inbox", "schedule", RunRecord.Utc(2026, 3, 10, 1, 30), RunRecord.Utc(2026, 3, 10, 1, 30), RunRecord.Utc(2026, 3, 10, 1, 30), "failed", "The inbox share was not reachable.", null, 1),
            new RunRecord("load-inbox", "schedule", RunRecord.Utc(2026, 3, 10, 1, 30), RunRecord.Utc(2026, 3, 10, 1, 35), RunRecord.Utc(2026, 3, 10, 1, 35), "succeeded", null, "3 files, 120 rows", 2),
        ], RunRecord.All(settings.Warehouse));
        Assert.Equal([1, 2], task.Calls.Select(c => c.Attempt));
    }

    [Fact]
    public async Task The_back_off_doubles_with_each_retry()
    {
        task.Otherwise = _ => throw new TimeoutException("The share did not answer.");

        var run = Runner().RunAsync(new JobRequest("load-inbox", TriggerKind.Schedule, Due, new RetryRule(2, TimeSpan.FromMinutes(5))), CancellationToken.None, CancellationToken.None);
        await clock.WaitForDelayAsync(TimeSpan.FromMinutes(5));
        clock.Advance(TimeSpan.FromMinutes(5));
        await clock.WaitForDelayAsync(TimeSpan.FromMinutes(10));
        clock.Advance(TimeSpan.FromMinutes(10));
        var outcome = await run.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(("failed", 3), (outcome.Outcome, outcome.Attempts));
        Assert.Equal(["failed", "failed", "failed"], RunRecord.All(settings.Warehouse).Select(r => r.Outcome));
        Assert.Equal([RunRecord.Utc(2026, 3, 10, 1, 30), RunRecord.Utc(2026, 3, 10, 1, 35), RunRecord.Utc(2026, 3, 10, 1, 45)], RunRecord.All(settings.Warehouse).Select(r => r.StartedAt));
    }

    [Fact]
    public async Task A_failure_that_is_not_transient_is_recorded_with_its_error_and_not_retried()
    {
        task.Then(_ => throw new InvalidOperationException("The Annex A workbook has no List 1."));

        var outcome = await Runner().RunAsync(new JobRequest("load-inbox", TriggerKind.Manual, null, ThreeRetries), CancellationToken.None, CancellationToken.None);

        Assert.Equal(("failed", "The Annex A workbook has no List 1.", 1), (outcome.Outcome, outcome.Error, outcome.Attempts));
        var row = Assert.Single(RunRecord.All(settings.Warehouse));
        Assert.Equal(new RunRecord("load-inbox", "manual", null, RunRecord.Utc(2026, 3, 10, 1, 30), RunRecord.Utc(2026, 3, 10, 1, 30), "failed", "The Annex A workbook has no List 1.", null, 1), row);
        Assert.Empty(clock.PendingDelays);
    }

    [Fact]
    public async Task A_duckdb_error_is_recorded_by_its_kind_only_because_its_message_can_quote_data()
    {
        task.Then(context =>
        {
            context.Warehouse.Execute("SELECT CAST('CHILD-ID-123' AS INTEGER)");
            return TaskResult.Done("never");
        });

        var outcome = await Runner().RunAsync(new JobRequest("load-inbox", TriggerKind.Manual, null, RetryRule.None), CancellationToken.None, CancellationToken.None);

        Assert.Equal("DuckDB reported an error (Conversion Error).", outcome.Error);
        Assert.DoesNotContain("CHILD-ID-123", Assert.Single(RunRecord.All(settings.Warehouse)).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_task_with_nothing_to_do_is_recorded_as_skipped()
    {
        task.Then(_ => TaskResult.NothingToDo("The inbox is empty."));

        var outcome = await Runner().RunAsync(new JobRequest("load-inbox", TriggerKind.Command, null, RetryRule.None), CancellationToken.None, CancellationToken.None);

        Assert.Equal(("skipped", false), (outcome.Outcome, outcome.NewData));
        Assert.Equal(("command", "skipped", "The inbox is empty."), Assert.Single(RunRecord.All(settings.Warehouse)) is var r ? (r.TriggerKind, r.Outcome, r.Produced) : default);
    }

    [Fact]
    public async Task Stopping_during_a_back_off_starts_no_further_attempt()
    {
        task.Otherwise = _ => throw new TransientTaskException("Busy.");
        using var stopping = new CancellationTokenSource();

        var run = Runner().RunAsync(new JobRequest("load-inbox", TriggerKind.Schedule, Due, ThreeRetries), stopping.Token, CancellationToken.None);
        await clock.WaitForDelayAsync(TimeSpan.FromMinutes(5));
        await stopping.CancelAsync();
        var outcome = await run.WaitAsync(TimeSpan.FromSeconds(20));
        clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(("failed", 1), (outcome.Outcome, outcome.Attempts));
        Assert.Single(task.Calls);
        Assert.Single(RunRecord.All(settings.Warehouse));
    }

    [Fact]
    public async Task A_job_without_a_task_is_refused()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Runner().RunAsync(new JobRequest("purge", TriggerKind.Manual, null, RetryRule.None), CancellationToken.None, CancellationToken.None));

        Assert.Contains("Job 'purge' has no implementation", error.Message, StringComparison.Ordinal);
    }

    private JobRunner Runner() => new(settings, new TaskRegistry([task]), clock, gate, NullLoggerFactory.Instance);
}
