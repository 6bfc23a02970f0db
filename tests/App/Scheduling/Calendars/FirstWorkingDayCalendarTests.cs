using Warehouse.App.Scheduling;
using Warehouse.App.Scheduling.Calendars;
using Warehouse.App.Tests.Support;

namespace Warehouse.App.Tests.Scheduling.Calendars;

public sealed class FirstWorkingDayCalendarTests : IDisposable
{
    private static readonly JobDefinition Packs = new() { Name = "monthly-packs", Cron = "0 0 7 * * ?", Calendar = FirstWorkingDayCalendar.CalendarName };
    private readonly TestFolder folder = new();
    private readonly BankHolidays holidays;

    public FirstWorkingDayCalendarTests() => holidays = BankHolidays.Load(folder.Write("bank-holidays.csv", TestData.BankHolidays), "bankHolidaysFile");

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData(2028, 5, "2028-05-02")]  // Monday 1 May 2028 is the early May bank holiday
    [InlineData(2029, 1, "2029-01-02")]  // Monday 1 January 2029 is New Year's Day
    [InlineData(2026, 8, "2026-08-03")]  // Saturday 1 August 2026
    [InlineData(2026, 11, "2026-11-02")] // Sunday 1 November 2026
    [InlineData(2027, 1, "2027-01-04")]  // Friday 1 January 2027 is a holiday, then a weekend
    [InlineData(2026, 6, "2026-06-01")]  // Monday 1 June 2026, an ordinary working day
    public void The_first_working_day_skips_weekends_and_bank_holidays(int year, int month, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), holidays.FirstWorkingDayOf(year, month));
    }

    [Fact]
    public void The_monthly_packs_fire_at_seven_local_on_the_first_working_day()
    {
        var calendar = new FirstWorkingDayCalendar(holidays, TestData.London);

        var spring = JobTriggers.Next(Packs, TestData.London, calendar, TestData.Utc(2028, 4, 15), 2);
        var winter = JobTriggers.Next(Packs, TestData.London, calendar, TestData.Utc(2028, 12, 15), 2);

        Assert.Equal([TestData.Utc(2028, 5, 2, 6), TestData.Utc(2028, 6, 1, 6)], spring);     // 07:00 BST
        Assert.Equal([TestData.Utc(2029, 1, 2, 7), TestData.Utc(2029, 2, 1, 7)], winter);     // 07:00 GMT
    }

    [Fact]
    public void The_calendar_includes_only_the_first_working_day_in_local_time()
    {
        var calendar = new FirstWorkingDayCalendar(holidays, TestData.London);

        Assert.False(calendar.IsTimeIncluded(TestData.Utc(2028, 5, 1, 6)));
        Assert.True(calendar.IsTimeIncluded(TestData.Utc(2028, 5, 2, 6)));
        Assert.True(calendar.IsTimeIncluded(TestData.Utc(2028, 5, 1, 23, 30)));  // 00:30 BST on 2 May
        Assert.Equal(TestData.Utc(2028, 5, 1, 23), calendar.GetNextIncludedTimeUtc(TestData.Utc(2028, 5, 1, 6)));
        Assert.Equal(TestData.Utc(2028, 6, 1, 6), calendar.GetNextIncludedTimeUtc(TestData.Utc(2028, 6, 1, 6)));
        Assert.Equal(TestData.Utc(2028, 5, 31, 23), calendar.GetNextIncludedTimeUtc(TestData.Utc(2028, 5, 3, 6)));
    }

    [Fact]
    public void A_clone_excludes_the_same_days()
    {
        var calendar = new FirstWorkingDayCalendar(holidays, TestData.London);

        var clone = Assert.IsType<FirstWorkingDayCalendar>(calendar.Clone());

        Assert.False(clone.IsTimeIncluded(TestData.Utc(2028, 5, 1, 6)));
        Assert.True(clone.IsTimeIncluded(TestData.Utc(2028, 5, 2, 6)));
        Assert.Equal(TestData.London, clone.TimeZone);
    }

    [Fact]
    public void A_missing_bank_holiday_file_names_its_setting()
    {
        var error = Assert.Throws<ScheduleException>(() => BankHolidays.Load(folder.PathOf("none.csv"), "bankHolidaysFile"));

        Assert.Contains("(setting 'bankHolidaysFile') does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_that_is_not_a_date_is_named_by_its_number()
    {
        var path = folder.Write("bad.csv", "date,name\n2028-05-01,Early May\n01/05/2029,Early May\n");

        var error = Assert.Throws<ScheduleException>(() => BankHolidays.Load(path, "bankHolidaysFile"));

        Assert.Contains("line 3 does not start with a date as yyyy-MM-dd ('01/05/2029')", error.Message, StringComparison.Ordinal);
    }
}
