using System.Globalization;
using Warehouse.App.Tasks;
using Warehouse.Etl.Governance;

namespace Warehouse.App.Commands.Purge;

/// <summary>
/// The <c>purge</c> job: deletes every child whose latest record is older than the retention
/// period (with their derived results and the rejects of files they alone supplied), deletes
/// raw files kept in the inbox past their own period, then compacts the warehouse file so the
/// deleted data does not linger in it. Logs counts only, never identifiers.
/// </summary>
internal sealed class PurgeTask : IWarehouseTask
{
    public string Name => "purge";

    public Task<TaskResult> RunAsync(TaskContext context, CancellationToken cancellationToken)
    {
        var settings = context.Settings;
        var purge = new RetentionPurge(new RetentionOptions
        {
            RetentionYears = settings.RetentionYears,
            ProcessedRetentionDays = settings.ProcessedRetentionDays,
        }, context.Time);
        var report = purge.Run(context.Warehouse, settings.Inbox);
        var produced = string.Create(CultureInfo.InvariantCulture,
            $"{report.ChildrenExpired:N0} children past {settings.RetentionYears} years: {report.TotalRowsDeleted:N0} rows deleted; {report.ProcessedFilesDeleted:N0} raw files deleted from the inbox");
        return Task.FromResult(new TaskResult
        {
            Produced = produced,
            AfterWarehouseReleased = report.NeedsCompaction ? () => WarehouseCompaction.Compact(settings.Warehouse, context.Time) : null,
        });
    }
}
