using System.Globalization;
using Warehouse.App.Commands.Check;
using Warehouse.App.Tasks;

namespace Warehouse.App.Commands.Pack;

/// <summary>
/// The <c>monthly-packs</c> job (first working day of the month): for every partnership, the
/// checks for the month just ended and its pack — executive workbook, CSVs, charts, locality
/// briefings — plus the restricted QA workbook.
/// </summary>
internal sealed class MonthlyPacksTask : IWarehouseTask
{
    public string Name => "monthly-packs";

    public Task<TaskResult> RunAsync(TaskContext context, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(context.Time.GetUtcNow(), context.Settings.TimeZone).DateTime);
        var month = today.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var written = new List<string>();
        foreach (var partnership in CheckScope.Partnerships(context.Warehouse, null))
        {
            var pack = PackServices.CheckAndBuild(context.Warehouse, context.Settings, partnership, month, context.Time, cancellationToken);
            written.Add(PackServices.Describe(pack));
        }
        return Task.FromResult(written.Count == 0
            ? TaskResult.NothingToDo("the warehouse holds no consultations yet")
            : TaskResult.Done(string.Join("; ", written)));
    }
}
