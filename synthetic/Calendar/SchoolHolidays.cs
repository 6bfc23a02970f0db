namespace Warehouse.Synthetic.Calendar;

/// <summary>
/// English school holidays, approximately (they vary by council and year): Christmas, the February half term,
/// two weeks around Easter, the late-May half term, the summer from 22 July to 3 September and the October half
/// term. Good enough for the seasonal dips in calls from schools.
/// </summary>
internal static class SchoolHolidays
{
    public static bool Contains(DateOnly date)
    {
        var (year, month, day) = (date.Year, date.Month, date.Day);
        if ((month == 12 && day >= 20) || (month == 1 && day <= 3))
        {
            return true;
        }

        if ((month == 7 && day >= 22) || month == 8 || (month == 9 && day <= 3))
        {
            return true;
        }

        var easter = EasterSunday(year);
        if (date >= easter.AddDays(-9) && date <= easter.AddDays(5))
        {
            return true;
        }

        return InWeek(date, MondayOnOrAfter(new DateOnly(year, 2, 12)))
            || InWeek(date, LastMonday(year, 5))
            || InWeek(date, LastMonday(year, 10));
    }

    /// <summary>Easter Sunday in the Gregorian calendar: the same rule the bank-holiday calendar uses.</summary>
    public static DateOnly EasterSunday(int year) => Warehouse.Frameworks.BankHolidayRules.EasterSunday(year);

    private static bool InWeek(DateOnly date, DateOnly monday) => date >= monday && date <= monday.AddDays(4);

    private static DateOnly MondayOnOrAfter(DateOnly date)
    {
        while (date.DayOfWeek != DayOfWeek.Monday)
        {
            date = date.AddDays(1);
        }

        return date;
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var date = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        while (date.DayOfWeek != DayOfWeek.Monday)
        {
            date = date.AddDays(-1);
        }

        return date;
    }
}
