namespace Warehouse.Frameworks;

/// <summary>
/// The rules that generate England and Wales bank holidays, with the one-off changes by royal proclamation. The
/// shipped <c>common/bank-holidays.csv</c> is this generator's output for 2000–2030 (a test keeps them equal);
/// years after those gov.uk has published are a projection by the rules, to be checked when announced.
/// </summary>
internal static class BankHolidayRules
{
    public const string Substitute = " (substitute day)";

    /// <summary>One-off changes: an extra day, or a day moved (<c>Replaces</c> is the day it moved from).</summary>
    public static IReadOnlyList<SpecialBankHoliday> Specials { get; } =
    [
        new(new DateOnly(2002, 6, 3), "Golden Jubilee bank holiday", null),
        new(new DateOnly(2002, 6, 4), "Spring bank holiday", new DateOnly(2002, 5, 27)),
        new(new DateOnly(2011, 4, 29), "Royal wedding bank holiday", null),
        new(new DateOnly(2012, 6, 4), "Spring bank holiday", new DateOnly(2012, 5, 28)),
        new(new DateOnly(2012, 6, 5), "Queen's Diamond Jubilee bank holiday", null),
        new(new DateOnly(2020, 5, 8), "Early May bank holiday (VE day)", new DateOnly(2020, 5, 4)),
        new(new DateOnly(2022, 6, 2), "Spring bank holiday", new DateOnly(2022, 5, 30)),
        new(new DateOnly(2022, 6, 3), "Platinum Jubilee bank holiday", null),
        new(new DateOnly(2022, 9, 19), "Bank holiday for the State Funeral of Queen Elizabeth II", null),
        new(new DateOnly(2023, 5, 8), "Bank holiday for the coronation of King Charles III", null),
    ];

    /// <summary>The bank holidays of the years, with the one-off changes applied, in date order.</summary>
    public static IReadOnlyList<BankHoliday> Generate(int firstYear, int lastYear)
    {
        var days = new List<BankHoliday>();
        for (var year = firstYear; year <= lastYear; year++)
        {
            days.AddRange(Regular(year));
        }

        foreach (var special in Specials.Where(s => s.Date.Year >= firstYear && s.Date.Year <= lastYear))
        {
            if (special.Replaces is { } moved)
            {
                days.RemoveAll(d => d.Date == moved);
            }

            days.Add(new BankHoliday(special.Date, special.Name));
        }

        return [.. days.OrderBy(d => d.Date)];
    }

    /// <summary>The text of <c>common/bank-holidays.csv</c> for the years: header, then <c>date,name</c> per line (LF).</summary>
    public static string ToCsv(int firstYear, int lastYear) =>
        "date,name\n" + string.Concat(Generate(firstYear, lastYear).Select(h =>
            h.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "," + h.Name + "\n"));

    /// <summary>The bank holidays a year has by the standing rules, substitute days included, no one-off changes.</summary>
    public static IReadOnlyList<BankHoliday> Regular(int year)
    {
        var days = new List<BankHoliday>();
        var newYear = new DateOnly(year, 1, 1);
        days.Add(newYear.DayOfWeek switch
        {
            DayOfWeek.Saturday => new BankHoliday(newYear.AddDays(2), "New Year's Day" + Substitute),
            DayOfWeek.Sunday => new BankHoliday(newYear.AddDays(1), "New Year's Day" + Substitute),
            _ => new BankHoliday(newYear, "New Year's Day"),
        });

        var easter = EasterSunday(year);
        days.Add(new BankHoliday(easter.AddDays(-2), "Good Friday"));
        days.Add(new BankHoliday(easter.AddDays(1), "Easter Monday"));
        days.Add(new BankHoliday(FirstMonday(year, 5), "Early May bank holiday"));
        days.Add(new BankHoliday(LastMonday(year, 5), "Spring bank holiday"));
        days.Add(new BankHoliday(LastMonday(year, 8), "Summer bank holiday"));

        var christmas = new DateOnly(year, 12, 25);
        switch (christmas.DayOfWeek)
        {
            case DayOfWeek.Saturday:
                days.Add(new BankHoliday(new DateOnly(year, 12, 27), "Christmas Day" + Substitute));
                days.Add(new BankHoliday(new DateOnly(year, 12, 28), "Boxing Day" + Substitute));
                break;
            case DayOfWeek.Sunday:
                days.Add(new BankHoliday(new DateOnly(year, 12, 26), "Boxing Day"));
                days.Add(new BankHoliday(new DateOnly(year, 12, 27), "Christmas Day" + Substitute));
                break;
            case DayOfWeek.Friday:
                days.Add(new BankHoliday(christmas, "Christmas Day"));
                days.Add(new BankHoliday(new DateOnly(year, 12, 28), "Boxing Day" + Substitute));
                break;
            case DayOfWeek.Monday:
            case DayOfWeek.Tuesday:
            case DayOfWeek.Wednesday:
            case DayOfWeek.Thursday:
            default:
                days.Add(new BankHoliday(christmas, "Christmas Day"));
                days.Add(new BankHoliday(new DateOnly(year, 12, 26), "Boxing Day"));
                break;
        }

        return days;
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous algorithm of Meeus, Jones and Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private static DateOnly FirstMonday(int year, int month)
    {
        var day = new DateOnly(year, month, 1);
        return day.AddDays(((int)DayOfWeek.Monday - (int)day.DayOfWeek + 7) % 7);
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var day = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return day.AddDays(-(((int)day.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7));
    }
}
