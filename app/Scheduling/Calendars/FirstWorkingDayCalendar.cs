using Quartz;
using Quartz.Impl.Calendar;

namespace Warehouse.App.Scheduling.Calendars;

/// <summary>
/// A Quartz calendar that includes only the first working day of each month (weekends and
/// England and Wales bank holidays excluded), in its time zone. With a daily cron trigger it makes
/// "07:00 on the first working day of the month": a bank-holiday Monday the 1st moves the run to
/// Tuesday the 2nd.
/// </summary>
internal sealed class FirstWorkingDayCalendar : BaseCalendar
{
    internal const string CalendarName = "first-working-day-of-month";

    private readonly BankHolidays holidays;

    internal FirstWorkingDayCalendar(BankHolidays holidays, TimeZoneInfo timeZone) : base(timeZone)
    {
        this.holidays = holidays;
        Description = "The first working day of each month (England and Wales).";
    }

    public override bool IsTimeIncluded(DateTimeOffset timeUtc)
    {
        if (!base.IsTimeIncluded(timeUtc)) return false;
        var day = LocalDay(timeUtc);
        return day == holidays.FirstWorkingDayOf(day.Year, day.Month);
    }

    public override DateTimeOffset GetNextIncludedTimeUtc(DateTimeOffset timeUtc)
    {
        var baseTime = base.GetNextIncludedTimeUtc(timeUtc);
        if (baseTime > timeUtc) timeUtc = baseTime;
        if (IsTimeIncluded(timeUtc)) return timeUtc;
        var day = LocalDay(timeUtc).AddDays(1);
        var first = holidays.FirstWorkingDayOf(day.Year, day.Month);
        if (first < day)
        {
            var next = day.AddMonths(1);
            first = holidays.FirstWorkingDayOf(next.Year, next.Month);
        }
        return StartOf(first);
    }

    public override ICalendar Clone()
    {
        var clone = new FirstWorkingDayCalendar(holidays, TimeZone);
        CloneFields(clone);
        return clone;
    }

    private DateOnly LocalDay(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    /// <summary>Local midnight of a day, as an instant (midnight always exists in Europe/London).</summary>
    private DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local)).ToUniversalTime();
    }
}
