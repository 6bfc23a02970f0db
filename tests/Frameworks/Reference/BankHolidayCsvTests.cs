using System.Globalization;

namespace Warehouse.Frameworks.Tests;

public sealed class BankHolidayCsvTests
{
    [Fact]
    public void ShippedCsv_IsTheGeneratorOutput_2000To2030()
    {
        var csv = ShippedFiles.Text("common/bank-holidays.csv").ReplaceLineEndings("\n");

        var generated = "date,name\n" + string.Concat(BankHolidayRules.Generate(2000, 2030)
            .Select(h => h.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "," + h.Name + "\n"));

        Assert.Equal(generated, csv);
        Assert.Equal(generated, BankHolidayRules.ToCsv(2000, 2030));
    }

    [Fact]
    public void ShippedCsv_IsTheRegularRulesPlusTheSpecialDays()
    {
        var shipped = ShippedFiles.Reference.BankHolidays.Holidays;
        var regular = Enumerable.Range(2000, 31).SelectMany(BankHolidayRules.Regular).ToList();

        var extra = shipped.Where(h => !regular.Contains(h)).Select(h => h.Date).ToList();
        var dropped = regular.Where(h => !shipped.Contains(h)).Select(h => h.Date).ToList();

        Assert.Equal(BankHolidayRules.Specials.Select(s => s.Date).Order(), extra.Order());
        Assert.Equal(BankHolidayRules.Specials.Select(s => s.Replaces).OfType<DateOnly>().Order(), dropped.Order());
        Assert.Equal(2000, ShippedFiles.Reference.BankHolidays.FirstYear);
        Assert.Equal(2030, ShippedFiles.Reference.BankHolidays.LastYear);
    }

    [Theory]
    [InlineData("2002-06-03")]
    [InlineData("2002-06-04")]
    [InlineData("2011-04-29")]
    [InlineData("2012-06-04")]
    [InlineData("2012-06-05")]
    [InlineData("2020-05-08")]
    [InlineData("2022-06-02")]
    [InlineData("2022-06-03")]
    [InlineData("2022-09-19")]
    [InlineData("2023-05-08")]
    public void ShippedCsv_HasTheSpecialDays(string date)
    {
        Assert.True(ShippedFiles.Reference.BankHolidays.IsBankHoliday(DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("2020-05-04")]
    [InlineData("2022-05-30")]
    [InlineData("2012-05-28")]
    [InlineData("2002-05-27")]
    public void ShippedCsv_DoesNotHaveTheMovedFromDays(string date)
    {
        Assert.False(ShippedFiles.Reference.BankHolidays.IsBankHoliday(DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }
}
