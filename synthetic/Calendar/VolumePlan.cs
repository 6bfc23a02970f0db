using Warehouse.Frameworks;

namespace Warehouse.Synthetic.Calendar;

/// <summary>
/// How many consultations fall on each day: the total spread over the days by their weight (weekday, school
/// holiday, August and Christmas dips, a little seasonality), rounded so that the days add up to the total exactly.
/// </summary>
internal sealed class VolumePlan
{
    // A little seasonality by month; August is the summer dip (on top of the school holidays).
    private static readonly double[] MonthFactor = [1.02, 1.00, 1.05, 0.96, 1.00, 1.02, 0.97, 0.86, 1.00, 1.05, 1.06, 0.92];

    private VolumePlan(int firstDay, int[] counts, DayType[] types)
    {
        FirstDay = firstDay;
        Counts = counts;
        Types = types;
    }

    /// <summary>The day number of the first day planned.</summary>
    public int FirstDay { get; }

    /// <summary>Consultations per day, from <see cref="FirstDay"/>.</summary>
    public int[] Counts { get; }

    public DayType[] Types { get; }

    /// <summary>The first day with a consultation, or -1.</summary>
    public int FirstActiveDay => Find(+1);

    /// <summary>The last day with a consultation, or -1.</summary>
    public int LastActiveDay => Find(-1);

    public static VolumePlan Build(
        DateOnly first,
        DateOnly last,
        Func<DateOnly, bool> isActive,
        BankHolidayCalendar bankHolidays,
        AgencyMix mix,
        int total)
    {
        var days = last.DayNumber - first.DayNumber + 1;
        var weights = new double[days];
        var types = new DayType[days];
        var sum = 0.0;
        for (var i = 0; i < days; i++)
        {
            var date = first.AddDays(i);
            types[i] = TypeOf(date, bankHolidays);
            if (!isActive(date))
            {
                continue;
            }

            var weight = mix.DayWeight(types[i]) * MonthFactor[date.Month - 1];
            if ((date.Month == 12 && date.Day >= 24) || (date.Month == 1 && date.Day == 1))
            {
                weight *= 0.55;
            }

            weight *= date.DayOfWeek switch
            {
                DayOfWeek.Monday => 1.08,
                DayOfWeek.Friday => 0.94,
                _ => 1.0,
            };
            weights[i] = weight;
            sum += weight;
        }

        if (sum <= 0)
        {
            throw new InvalidOperationException("No day in the span can hold a consultation.");
        }

        // Cumulative rounding: day i gets round(total × W(≤i) / W) − round(total × W(<i) / W), which sums to total;
        // whatever floating-point rounding leaves over goes to the last day that can hold a consultation.
        var counts = new int[days];
        var running = 0.0;
        long previous = 0;
        var lastActive = -1;
        for (var i = 0; i < days; i++)
        {
            if (weights[i] <= 0)
            {
                continue;
            }

            running += weights[i];
            var upTo = (long)Math.Round(total * (running / sum), MidpointRounding.AwayFromZero);
            counts[i] = (int)(upTo - previous);
            previous = upTo;
            lastActive = i;
        }

        counts[lastActive] += (int)(total - previous);

        return new VolumePlan(first.DayNumber, counts, types);
    }

    private static DayType TypeOf(DateOnly date, BankHolidayCalendar bankHolidays)
    {
        if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || bankHolidays.IsBankHoliday(date) == true)
        {
            return DayType.Weekend;
        }

        return SchoolHolidays.Contains(date) ? DayType.HolidayWeekday : DayType.TermWeekday;
    }

    private int Find(int direction)
    {
        var start = direction > 0 ? 0 : Counts.Length - 1;
        for (var i = start; i >= 0 && i < Counts.Length; i += direction)
        {
            if (Counts[i] > 0)
            {
                return FirstDay + i;
            }
        }

        return -1;
    }
}
