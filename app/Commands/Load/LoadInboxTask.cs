using System.Globalization;
using Microsoft.Extensions.Logging;
using Warehouse.App.Tasks;
using Warehouse.Etl.Loading;

namespace Warehouse.App.Commands.Load;

/// <summary>The <c>load-inbox</c> job: loads every file waiting in the inbox (etl/).</summary>
internal sealed class LoadInboxTask : IWarehouseTask
{
    public string Name => "load-inbox";

    public Task<TaskResult> RunAsync(TaskContext context, CancellationToken cancellationToken)
    {
        var keys = EtlServices.Keys(context.Settings, context.Warehouse);
        var loader = EtlServices.Loader(context.Settings, context.Time);
        var progress = new Progress<LoadProgress>(p =>
        {
            if (p.CurrentFile is not null && context.Log.IsEnabled(LogLevel.Information)) context.Log.LogInformation("Loading {File} ({Done} done of {Total})", p.CurrentFile, p.Done, p.Total);
        });
        var report = loader.Load(context.Warehouse, context.Settings.Inbox, keys, progress, cancellationToken);
        if (context.Log.IsEnabled(LogLevel.Information))
        {
            foreach (var file in report.Files)
            {
                context.Log.LogInformation("{File}: {Outcome} {Reason}", file.FileName, file.Outcome, file.Reason);
            }
        }
        foreach (var refusal in report.Refused) context.Log.LogWarning("Refused: {Refusal}", refusal);
        return Task.FromResult(report.Files.Count == 0 && report.Refused.Count == 0
            ? TaskResult.NothingToDo("the inbox is empty")
            : TaskResult.Done(Summary(report), report.BroughtNewData));
    }

    internal static string Summary(LoadReport report)
    {
        var counts = report.Files.GroupBy(f => f.Outcome).OrderBy(g => g.Key)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"));
        var rows = report.Files.Sum(f => f.RowsLoaded);
        var rejected = report.Files.Sum(f => f.RowsRejected);
        var refused = report.Refused.Count > 0
            ? string.Create(CultureInfo.InvariantCulture, $"; {report.Refused.Count} inbox entries refused")
            : string.Empty;
        return string.Create(CultureInfo.InvariantCulture,
            $"{report.Files.Count} file(s): {string.Join(", ", counts)}; {rows:N0} rows loaded, {rejected:N0} rejected{refused}");
    }
}
