using Quartz;
using Warehouse.App.Scheduling;
using Warehouse.App.Scheduling.Calendars;
using Warehouse.App.Scheduling.Service;
using Warehouse.App.Tests.Support;

namespace Warehouse.App.Tests.Scheduling.Service;

public sealed class MisfireDetectorTests : IDisposable
{
    private readonly TestFolder folder = new();
    private readonly Schedule schedule = ScheduleFile.Parse(TestData.Schedule, "schedules.json", TimeZoneInfo.Utc);
    private readonly Dictionary<string, ICalendar> calendars;

    public MisfireDetectorTests()
    {
        var holidays = BankHolidays.Load(folder.Write("bank-holidays.csv", TestData.BankHolidays), "bankHolidaysFile");
        calendars = new() { [FirstWorkingDayCalendar.CalendarName] = new FirstWorkingDayCalendar(holidays, TestData.London) };
    }

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_job_with_no_history_has_missed_nothing()
    {
        Assert.Empty(MisfireDetector.Find(schedule, calendars, new Dictionary<string, DateTimeOffset>(), TestData.Utc(2026, 3, 10, 9)));
    }

    [Fact]
    public void Every_fire_time_after_the_last_run_and_before_now_is_missed()
    {
        var lastDue = new Dictionary<string, DateTimeOffset>
        {
            ["load-inbox"] = TestData.Utc(2026, 3, 7, 1, 30),
            ["locality-charts"] = TestData.Utc(2026, 3, 9, 6),
            ["checks"] = TestData.Utc(2026, 1, 1),
        };

        var missed = MisfireDetector.Find(schedule, calendars, lastDue, TestData.Utc(2026, 3, 10, 9));

        var run = Assert.Single(missed);
        Assert.Equal(("load-inbox", 3, TestData.Utc(2026, 3, 10, 1, 30)), (run.Job.Name, run.Count, run.Latest));
    }

    [Fact]
    public void The_monthly_packs_missed_over_a_bank_holiday_are_due_on_the_first_working_day()
    {
        var lastDue = new Dictionary<string, DateTimeOffset> { ["monthly-packs"] = TestData.Utc(2028, 4, 3, 6) };

        var missed = MisfireDetector.Find(schedule, calendars, lastDue, TestData.Utc(2028, 5, 2, 12));

        Assert.Equal(TestData.Utc(2028, 5, 2, 6), Assert.Single(missed).Latest);
    }

    [Fact]
    public void A_fire_time_at_the_moment_of_starting_is_the_triggers_own_not_a_missed_one()
    {
        var lastDue = new Dictionary<string, DateTimeOffset> { ["load-inbox"] = TestData.Utc(2026, 3, 9, 1, 30) };

        Assert.Empty(MisfireDetector.Find(schedule, calendars, lastDue, TestData.Utc(2026, 3, 10, 1, 30)));
    }
}
