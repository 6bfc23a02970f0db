namespace Warehouse.Frameworks.Tests;

/// <summary>Reference CSV errors name the file, the row as a spreadsheet shows it (header = row 1) and the field.</summary>
public sealed class ReferenceDataErrorTests
{
    private static ReferenceDataException Fails(string relativePath, string text)
    {
        using var temp = TempDirectory.WithShippedData();
        temp.Write(relativePath, text);
        return Assert.Throws<ReferenceDataException>(() => ReferenceData.LoadFrom(temp.Path));
    }

    private static void AssertError(ReferenceDataException ex, string file, int? row, string? field, string message)
    {
        Assert.True(
            ex.Errors.Any(e => e.File.EndsWith(file, StringComparison.Ordinal) && e.Row == row && e.Field == field && e.Message.Contains(message, StringComparison.Ordinal)),
            $"expected {file} row {row} {field}: …{message}… but got:{Environment.NewLine}{string.Join(Environment.NewLine, ex.Errors)}");
    }

    [Fact]
    public void UnknownSector_IsNamedByRowAndField()
    {
        var ex = Fails("common/agencies.csv", "agency_code,agency_name,sector,cin_source_code\nPOLICE,Police,police,6\nGP,GP,medicine,3A\n");

        AssertError(ex, "agencies.csv", 3, "sector", "'medicine' is not a sector");
        Assert.Contains("agencies.csv row 3 sector:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownCinSourceCode_AndDuplicateAgency_AreNamed()
    {
        var ex = Fails("common/agencies.csv", "agency_code,agency_name,sector,cin_source_code\nGP,GP,health,3Z\ngp,GP again,health,3A\n");

        AssertError(ex, "agencies.csv", 2, "cin_source_code", "'3Z' is not a CIN referral source code");
        AssertError(ex, "agencies.csv", 3, "agency_code", "duplicate agency_code 'gp'");
    }

    [Fact]
    public void MissingColumn_IsNamedOnTheHeaderRow()
    {
        var ex = Fails("common/agencies.csv", "agency_code,agency_name,sector\nGP,GP,health\n");

        AssertError(ex, "agencies.csv", 1, "cin_source_code", "the header has no such column");
    }

    [Fact]
    public void RaggedRow_IsNamed()
    {
        var ex = Fails("warwickshire/localities.csv", "locality_code,locality_name,area,population_0_17\nNWA,North Warwickshire,North\n");

        AssertError(ex, Path.Combine("warwickshire", "localities.csv"), 2, null, "3 fields where the header has 4");
    }

    [Fact]
    public void PopulationThatIsNotAWholeNumber_IsNamed()
    {
        var ex = Fails("warwickshire/localities.csv", "locality_code,locality_name,area,population_0_17\nNWA,North Warwickshire,North,\"13,000\"\nNUN,Nuneaton,North,about 30k\n");

        AssertError(ex, "localities.csv", 2, "population_0_17", "'13,000' is not a whole number");
        AssertError(ex, "localities.csv", 3, "population_0_17", "'about 30k' is not a whole number");
    }

    [Fact]
    public void BlankAndDuplicateLocalityCodes_AreNamed()
    {
        var ex = Fails("worcestershire/localities.csv", "locality_code,locality_name,area,population_0_17\n,Bromsgrove,Bromsgrove,1\nMAL,Malvern,Malvern,1\nmal,Malvern again,Malvern,1\n");

        AssertError(ex, "localities.csv", 2, "locality_code", "locality_code is blank");
        AssertError(ex, "localities.csv", 4, "locality_code", "duplicate locality_code 'mal'");
    }

    [Fact]
    public void BankHolidayAtAWeekend_BadDate_AndMissingYear_AreNamed()
    {
        var ex = Fails("common/bank-holidays.csv", "date,name\n2020-01-01,New Year's Day\n2020-12-26,Boxing Day\n31/12/2021,Made up\n2022-01-03,New Year's Day (substitute day)\n");

        AssertError(ex, "bank-holidays.csv", 3, "date", "2020-12-26 is a Saturday");
        AssertError(ex, "bank-holidays.csv", 4, "date", "'31/12/2021' is not a date");
        AssertError(ex, "bank-holidays.csv", null, "date", "no bank holidays for 2021");
    }

    [Fact]
    public void ComparatorValueWithThousandsSeparator_AndUnknownUnit_AreNamed()
    {
        var ex = Fails("common/national-comparators.csv", "year_ending,measure,value,unit,source\n2025-03-31,referrals,\"632,830\",count,DfE\n2025-03-31,referrals_nfa,6.5,per cent,DfE\n2025-03-31,re_referrals_within_12_months,122.6,percent,DfE\n");

        AssertError(ex, "national-comparators.csv", 2, "value", "'632,830' is not a number");
        AssertError(ex, "national-comparators.csv", 3, "unit", "'per cent' is not a unit");
        AssertError(ex, "national-comparators.csv", 4, "value", "122.6 is not a percentage");
    }

    [Fact]
    public void UnclosedQuote_IsNamedWithItsRow()
    {
        var ex = Fails("common/agencies.csv", "agency_code,agency_name,sector,cin_source_code\nGP,\"General practice,health,3A\n");

        AssertError(ex, "agencies.csv", 2, null, "a quoted field is not closed");
    }

    [Fact]
    public void MissingCommonFile_IsNamed()
    {
        using var temp = TempDirectory.WithShippedData();
        temp.Delete("common/national-comparators.csv");

        var ex = Assert.Throws<ReferenceDataException>(() => ReferenceData.LoadFrom(temp.Path));

        AssertError(ex, "national-comparators.csv", null, null, "the file is missing");
    }
}
