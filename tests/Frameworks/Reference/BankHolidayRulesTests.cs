namespace Warehouse.Frameworks.Tests;

public sealed class BankHolidayRulesTests
{
    private static string Year(int year) =>
        string.Join(" ", BankHolidayRules.Generate(year, year).Select(h => h.Date.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(2000, 4, 23)]
    [InlineData(2008, 3, 23)]
    [InlineData(2011, 4, 24)]
    [InlineData(2019, 4, 21)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2038, 4, 25)]
    public void EasterSunday_MatchesPublishedDates(int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), BankHolidayRules.EasterSunday(year));
    }

    // The gov.uk published lists for England and Wales.
    [Theory]
    [InlineData(2020, "01-01 04-10 04-13 05-08 05-25 08-31 12-25 12-28")]
    [InlineData(2021, "01-01 04-02 04-05 05-03 05-31 08-30 12-27 12-28")]
    [InlineData(2022, "01-03 04-15 04-18 05-02 06-02 06-03 08-29 09-19 12-26 12-27")]
    [InlineData(2023, "01-02 04-07 04-10 05-01 05-08 05-29 08-28 12-25 12-26")]
    [InlineData(2024, "01-01 03-29 04-01 05-06 05-27 08-26 12-25 12-26")]
    [InlineData(2025, "01-01 04-18 04-21 05-05 05-26 08-25 12-25 12-26")]
    [InlineData(2026, "01-01 04-03 04-06 05-04 05-25 08-31 12-25 12-28")]
    [InlineData(2002, "01-01 03-29 04-01 05-06 06-03 06-04 08-26 12-25 12-26")]
    [InlineData(2011, "01-03 04-22 04-25 04-29 05-02 05-30 08-29 12-26 12-27")]
    [InlineData(2012, "01-02 04-06 04-09 05-07 06-04 06-05 08-27 12-25 12-26")]
    [InlineData(2000, "01-03 04-21 04-24 05-01 05-29 08-28 12-25 12-26")]
    public void Generate_GivesThePublishedYear(int year, string expected)
    {
        Assert.Equal(expected, Year(year));
    }

    [Fact]
    public void SubstituteDays_FollowTheWeekend()
    {
        var y2010 = BankHolidayRules.Regular(2010).Where(h => h.Date.Month == 12).ToList();
        var y2005 = BankHolidayRules.Regular(2005).Where(h => h.Date.Month == 12).ToList();
        var y2015 = BankHolidayRules.Regular(2015).Where(h => h.Date.Month == 12).ToList();

        Assert.Equal([new(new DateOnly(2010, 12, 27), "Christmas Day (substitute day)"), new BankHoliday(new DateOnly(2010, 12, 28), "Boxing Day (substitute day)")], y2010);
        Assert.Equal([new(new DateOnly(2005, 12, 26), "Boxing Day"), new BankHoliday(new DateOnly(2005, 12, 27), "Christmas Day (substitute day)")], y2005);
        Assert.Equal([new(new DateOnly(2015, 12, 25), "Christmas Day"), new BankHoliday(new DateOnly(2015, 12, 28), "Boxing Day (substitute day)")], y2015);
        Assert.Equal(new BankHoliday(new DateOnly(2017, 1, 2), "New Year's Day (substitute day)"), BankHolidayRules.Regular(2017)[0]);
    }

    [Fact]
    public void Specials_AreTheMovedAndExtraDays()
    {
        var specials = BankHolidayRules.Specials;

        Assert.Equal(10, specials.Count);
        Assert.Equal(4, specials.Count(s => s.Replaces is not null));
        Assert.All(specials, s => Assert.DoesNotContain(BankHolidayRules.Regular(s.Date.Year), h => h.Date == s.Date));
        Assert.All(specials.Where(s => s.Replaces is not null), s => Assert.Contains(BankHolidayRules.Regular(s.Date.Year), h => h.Date == s.Replaces));
    }
}
