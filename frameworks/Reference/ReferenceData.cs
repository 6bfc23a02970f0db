namespace Warehouse.Frameworks;

/// <summary>
/// Loads the reference CSVs (CONTRACT.md section 4) from a directory laid out like <c>frameworks/data/</c>, or
/// from the copy shipped inside this assembly: <c>common/agencies.csv</c>, <c>common/bank-holidays.csv</c>,
/// <c>common/national-comparators.csv</c>, and <c>&lt;partnership&gt;/localities.csv</c> for every partnership
/// folder. Every problem is reported, each naming its file, row and field.
/// </summary>
public static class ReferenceData
{
    internal const string AgenciesFile = "common/agencies.csv";
    internal const string BankHolidaysFile = "common/bank-holidays.csv";
    internal const string ComparatorsFile = "common/national-comparators.csv";
    internal const string LocalitiesFile = "localities.csv";

    /// <summary>Loads the reference data shipped inside this assembly.</summary>
    /// <exception cref="ReferenceDataException">A shipped file is not valid (a build defect).</exception>
    public static ReferenceDataSet LoadEmbedded() => Load(new EmbeddedDataSource());

    /// <summary>Loads the reference data from a directory (the user's own, or <see cref="FrameworkCatalog.ShippedDirectory"/>).</summary>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    /// <exception cref="ReferenceDataException">A file is missing or not valid.</exception>
    public static ReferenceDataSet LoadFrom(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        return Load(new DirectoryDataSource(directory));
    }

    internal static ReferenceDataSet Load(DataSource source)
    {
        var reader = new ReferenceReader(source);
        var agencies = reader.Agencies(AgenciesFile);
        var holidays = reader.BankHolidays(BankHolidaysFile);
        var comparators = reader.Comparators(ComparatorsFile);
        var localities = new Dictionary<string, IReadOnlyList<Locality>>(StringComparer.Ordinal);
        foreach (var folder in source.Folders())
        {
            localities[folder] = reader.Localities(folder + "/" + LocalitiesFile);
        }

        if (reader.Errors.Count > 0)
        {
            throw new ReferenceDataException(reader.Errors);
        }

        return new ReferenceDataSet(agencies, new BankHolidayCalendar(holidays), comparators, localities);
    }
}
