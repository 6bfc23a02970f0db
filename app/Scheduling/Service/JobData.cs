using System.Globalization;
using Quartz;
using Warehouse.App.Tasks;

namespace Warehouse.App.Scheduling.Service;

/// <summary>What a one-shot firing (chained, missed) tells the job: why it runs and for which fire time.</summary>
internal static class JobData
{
    private const string Kind = "warehouse.trigger";
    private const string ScheduledFor = "warehouse.scheduledFor";

    internal static JobDataMap For(TriggerKind kind, DateTimeOffset? scheduledFor = null)
    {
        var map = new JobDataMap { [Kind] = kind.ToText() };
        if (scheduledFor is { } due) map[ScheduledFor] = due.ToString("O", CultureInfo.InvariantCulture);
        return map;
    }

    /// <summary>Why the firing runs: a clock firing carries no data and is a scheduled run.</summary>
    internal static (TriggerKind Kind, DateTimeOffset? ScheduledFor) Read(IJobExecutionContext context)
    {
        var map = context.MergedJobDataMap;
        if (!map.TryGetString(Kind, out var kind) || kind is null) return (TriggerKind.Schedule, context.ScheduledFireTimeUtc);
        DateTimeOffset? due = map.TryGetString(ScheduledFor, out var text) && text is not null
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
            : null;
        return (TriggerKindText.Parse(kind), due);
    }
}
