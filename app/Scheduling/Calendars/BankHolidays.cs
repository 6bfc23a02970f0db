using System.Globalization;

namespace Warehouse.App.Scheduling.Calendars;

/// <summary>
/// England and Wales bank holidays from a <c>date,name</c> CSV (the frameworks' reference file,
/// or the partnership's replacement), and the working days they leave.
/// </summary>
internal sealed class BankHolidays
{
    private readonly HashSet<DateOnly> days;

    internal BankHolidays(IEnumerable<DateOnly> days)
    {
        this.days = [.. days];
        FirstYear = this.days.Count == 0 ? 0 : this.days.Min().Year;
        LastYear = this.days.Count == 0 ? 0 : this.days.Max().Year;
    }

    /// <summary>The first and last years the file lists; outside them only weekends are known.</summary>
    internal int FirstYear { get; }

    internal int LastYear { get; }

    internal bool Covers(int year) => year >= FirstYear && year <= LastYear;

    internal bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !days.Contains(day);

    /// <summary>The first day of the month that is neither a weekend nor a bank holiday.</summary>
    internal DateOnly FirstWorkingDayOf(int year, int month)
    {
        var day = new DateOnly(year, month, 1);
        while (!IsWorkingDay(day)) day = day.AddDays(1);
        return day;
    }

    /// <summary>Reads the CSV; a line that is not <c>yyyy-MM-dd,name</c> is reported with its number.</summary>
    /// <exception cref="ScheduleException">The file is missing or a line cannot be read.</exception>
    internal static BankHolidays Load(string path, string settingName)
    {
        if (!File.Exists(path))
            throw new ScheduleException($"The bank-holiday file '{path}' (setting '{settingName}') does not exist; the first-working-day calendar needs it.");
        var found = new List<DateOnly>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            var text = line.Trim().TrimStart('\uFEFF');
            if (text.Length == 0) continue;
            var date = text.Split(',', 2)[0].Trim().Trim('"');
            if (lineNumber == 1 && date.Equals("date", StringComparison.OrdinalIgnoreCase)) continue;
            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                throw new ScheduleException($"The bank-holiday file '{path}' line {lineNumber.ToString(CultureInfo.InvariantCulture)} does not start with a date as yyyy-MM-dd ('{date}').");
            found.Add(day);
        }
        return new BankHolidays(found);
    }
}
