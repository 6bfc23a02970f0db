namespace Warehouse.Frameworks.Tests;

public sealed class BankHolidayCalendarTests
{
    private static readonly BankHolidayCalendar Calendar = ShippedFiles.Reference.BankHolidays;

    [Theory]
    [InlineData("2025-04-17", "2025-04-17", 0)]
    [InlineData("2025-04-17", "2025-04-22", 1)] // Good Friday, the weekend and Easter Monday in between
    [InlineData("2026-11-20", "2026-11-23", 1)] // Friday to Monday
    [InlineData("2026-11-23", "2026-11-20", -1)]
    [InlineData("2026-11-21", "2026-11-22", 0)] // Saturday to Sunday
    [InlineData("2022-12-23", "2023-01-03", 4)] // 26, 27 Dec and 2 Jan are off: 28, 29, 30 Dec and 3 Jan
    [InlineData("2026-01-01", "2026-12-31", 253)] // 261 weekdays less 8 bank holidays
    public void WorkingDaysBetween_CountsWeekdaysThatAreNotBankHolidays(string start, string end, int expected)
    {
        Assert.Equal(expected, Calendar.WorkingDaysBetween(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void DatesOutsideTheTable_AreNotGuessed()
    {
        Assert.Null(Calendar.WorkingDaysBetween(new DateOnly(1999, 12, 1), new DateOnly(2000, 1, 5)));
        Assert.Null(Calendar.WorkingDaysBetween(new DateOnly(2030, 12, 1), new DateOnly(2031, 1, 5)));
        Assert.Null(Calendar.IsWorkingDay(new DateOnly(2031, 1, 1)));
        Assert.Null(Calendar.IsBankHoliday(new DateOnly(1999, 12, 31)));
        Assert.False(Calendar.Covers(new DateOnly(2031, 1, 1)));
    }

    [Fact]
    public void IsWorkingDay_KnowsBankHolidaysAndWeekends()
    {
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2023, 5, 8)));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 11, 21)));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 11, 20)));
    }
}
