using Warehouse.Analytics.Runs;
using Warehouse.App.Commands.Check;
using Warehouse.App.Tasks;
using Warehouse.Reports.Packs;

namespace Warehouse.App.Commands.Pack;

/// <summary>
/// The <c>locality-charts</c> job (weekly, for Family Help Network meetings): charts and one
/// briefing per locality from a fresh check run of each partnership's latest month.
/// </summary>
internal sealed class LocalityChartsTask : IWarehouseTask
{
    public string Name => "locality-charts";

    public Task<TaskResult> RunAsync(TaskContext context, CancellationToken cancellationToken)
    {
        var written = new List<string>();
        foreach (var partnership in CheckScope.Partnerships(context.Warehouse, null))
        {
            var month = CheckScope.LatestMonth(context.Warehouse, partnership);
            var runId = CheckRunner.Run(context.Warehouse, ChecksTask.Request(context.Settings, partnership, month, null), context.Time, cancellationToken);
            var charts = PackBuilder.BuildCharts(context.Warehouse, runId, PackServices.Options(context.Settings, partnership, month), context.Time, cancellationToken);
            written.Add($"{partnership} {month}: {charts.Files.Count} chart and briefing files");
        }
        return Task.FromResult(written.Count == 0
            ? TaskResult.NothingToDo("the warehouse holds no consultations yet")
            : TaskResult.Done(string.Join("; ", written)));
    }
}
