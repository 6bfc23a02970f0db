using Warehouse.Frameworks;
using Warehouse.Synthetic.Calendar;

namespace Warehouse.Synthetic.Tests.Calendar;

public sealed class CalendarTests
{
    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2019, 4, 21)]
    public void Easter_sunday(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), SchoolHolidays.EasterSunday(year));

    [Theory]
    [InlineData(2025, 8, 12, true)]
    [InlineData(2025, 12, 29, true)]
    [InlineData(2025, 4, 15, true)]
    [InlineData(2025, 10, 27, true)]
    [InlineData(2025, 10, 8, false)]
    [InlineData(2025, 3, 12, false)]
    public void School_holidays(int year, int month, int day, bool holiday) =>
        Assert.Equal(holiday, SchoolHolidays.Contains(new DateOnly(year, month, day)));

    [Fact]
    public void The_days_add_up_to_the_total_and_none_falls_on_a_day_that_cannot_hold_one()
    {
        var reference = ReferenceData.LoadEmbedded();
        var mix = new AgencyMix(reference.Agencies);
        var first = new DateOnly(2023, 12, 1);
        var plan = VolumePlan.Build(first, new DateOnly(2024, 3, 10), d => d >= new DateOnly(2024, 1, 1), reference.BankHolidays, mix, 12_345);

        Assert.Equal(12_345, plan.Counts.Sum());
        Assert.All(plan.Counts.Take(31), c => Assert.Equal(0, c));
        Assert.Equal(new DateOnly(2024, 1, 1).DayNumber, plan.FirstActiveDay);
        Assert.Equal(new DateOnly(2024, 3, 10).DayNumber, plan.LastActiveDay);
        Assert.Equal(DayType.Weekend, plan.Types[new DateOnly(2024, 1, 1).DayNumber - first.DayNumber]);
    }
}
