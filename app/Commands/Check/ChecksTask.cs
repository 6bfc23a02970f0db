using Warehouse.Analytics.Runs;
using Warehouse.App.Settings;
using Warehouse.App.Tasks;

namespace Warehouse.App.Commands.Check;

/// <summary>
/// The <c>checks</c> job: the threshold-consistency checks (analytics/) for every partnership
/// with data, for the month of its latest consultation. Chained after a load that brought new data.
/// </summary>
internal sealed class ChecksTask : IWarehouseTask
{
    public string Name => "checks";

    public Task<TaskResult> RunAsync(TaskContext context, CancellationToken cancellationToken)
    {
        var runs = new List<string>();
        foreach (var partnership in CheckScope.Partnerships(context.Warehouse, null))
        {
            var month = CheckScope.LatestMonth(context.Warehouse, partnership);
            var runId = CheckRunner.Run(context.Warehouse, Request(context.Settings, partnership, month, null), context.Time, cancellationToken);
            runs.Add($"{partnership} {month} (run {runId})");
        }
        return Task.FromResult(runs.Count == 0
            ? TaskResult.NothingToDo("the warehouse holds no consultations yet")
            : TaskResult.Done("checked " + string.Join("; ", runs)));
    }

    internal static CheckRequest Request(WarehouseSettings settings, string partnership, string month, DateOnly? cutOff) => new()
    {
        Partnership = partnership,
        Month = month,
        CutOff = cutOff,
        Options = new CheckOptions
        {
            WindowDays = settings.ActualLevelWindowDays,
            MinimumCases = settings.MinimumCases,
            HighScore = settings.HighPathwayToChangeScore,
            DecisionWorkingDays = settings.DecisionWorkingDays,
        },
    };
}
