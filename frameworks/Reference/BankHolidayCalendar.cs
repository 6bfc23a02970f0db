namespace Warehouse.Frameworks;

/// <summary>
/// Working days in England and Wales: Monday to Friday except bank holidays, over the whole years the bank
/// holiday table covers. Outside those years the calendar does not guess: it answers null, which a pack shows as
/// <c>[x]</c> with a warning (CONTRACT.md section 4).
/// </summary>
public sealed class BankHolidayCalendar
{
    private readonly HashSet<DateOnly> holidays;
    private readonly int firstDayNumber;

    // cumulative[i] = working days among the first i + 1 days of the covered span: counting is two lookups.
    private readonly int[] cumulative;

    internal BankHolidayCalendar(IReadOnlyList<BankHoliday> holidays)
    {
        Holidays = [.. holidays.OrderBy(h => h.Date)];
        this.holidays = [.. holidays.Select(h => h.Date)];
        FirstYear = Holidays.Count > 0 ? Holidays[0].Date.Year : 0;
        LastYear = Holidays.Count > 0 ? Holidays[^1].Date.Year : -1;
        if (Holidays.Count == 0)
        {
            cumulative = [];
            return;
        }

        var first = new DateOnly(FirstYear, 1, 1);
        var last = new DateOnly(LastYear, 12, 31);
        firstDayNumber = first.DayNumber;
        cumulative = new int[last.DayNumber - first.DayNumber + 1];
        var running = 0;
        for (var i = 0; i < cumulative.Length; i++)
        {
            var day = first.AddDays(i);
            if (IsWorking(day))
            {
                running++;
            }

            cumulative[i] = running;
        }
    }

    /// <summary>The bank holidays, in date order.</summary>
    public IReadOnlyList<BankHoliday> Holidays { get; }

    /// <summary>The first year the table covers.</summary>
    public int FirstYear { get; }

    /// <summary>The last year the table covers.</summary>
    public int LastYear { get; }

    /// <summary>True when the date's year is covered by the table.</summary>
    public bool Covers(DateOnly date) => date.Year >= FirstYear && date.Year <= LastYear;

    /// <summary>Whether the date is a bank holiday, or null outside the covered years.</summary>
    public bool? IsBankHoliday(DateOnly date) => Covers(date) ? holidays.Contains(date) : null;

    /// <summary>Whether the date is a working day (Monday–Friday, not a bank holiday), or null outside the covered years.</summary>
    public bool? IsWorkingDay(DateOnly date) => Covers(date) ? IsWorking(date) : null;

    /// <summary>
    /// The working days from <paramref name="start"/> to <paramref name="end"/>: the working days after the start
    /// up to and including the end (the same day is 0; Friday to Monday is 1; negative when end is before start).
    /// Null when either date is outside the covered years.
    /// </summary>
    public int? WorkingDaysBetween(DateOnly start, DateOnly end)
    {
        if (!Covers(start) || !Covers(end))
        {
            return null;
        }

        return cumulative[end.DayNumber - firstDayNumber] - cumulative[start.DayNumber - firstDayNumber];
    }

    private bool IsWorking(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(date);
}
