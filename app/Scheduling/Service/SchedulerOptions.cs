using Microsoft.Extensions.Logging;
using Quartz;
using Warehouse.App.Settings;
using Warehouse.App.Tasks;

namespace Warehouse.App.Scheduling.Service;

/// <summary>What the scheduler is built from; tests pass a fake clock and fake tasks.</summary>
internal sealed record SchedulerOptions(
    WarehouseSettings Settings,
    Schedule Schedule,
    IReadOnlyDictionary<string, ICalendar> Calendars,
    TaskRegistry Tasks,
    TimeProvider Time,
    ILoggerFactory Logging);
