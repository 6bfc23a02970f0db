using Quartz;
using Warehouse.App.Settings;

namespace Warehouse.App.Scheduling.Calendars;

/// <summary>The calendars a schedule may name, and building the ones it does name.</summary>
internal static class ScheduleCalendars
{
    internal static readonly IReadOnlyList<string> Known = [FirstWorkingDayCalendar.CalendarName];

    /// <summary>The calendars the schedule's jobs use, by name (the bank-holiday file is read only when needed).</summary>
    internal static IReadOnlyDictionary<string, ICalendar> Build(Schedule schedule, WarehouseSettings settings)
    {
        var calendars = new Dictionary<string, ICalendar>(StringComparer.Ordinal);
        foreach (var name in schedule.Jobs.Select(j => j.Calendar).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            calendars[name] = name switch
            {
                FirstWorkingDayCalendar.CalendarName => new FirstWorkingDayCalendar(
                    BankHolidays.Load(settings.BankHolidaysFile, SettingNames.BankHolidaysFile), schedule.TimeZone),
                _ => throw new ScheduleException($"{schedule.Source} names an unknown calendar '{name}'."),
            };
        }
        return calendars;
    }
}
