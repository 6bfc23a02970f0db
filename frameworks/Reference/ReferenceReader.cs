using System.Globalization;

namespace Warehouse.Frameworks;

/// <summary>Reads and checks each reference CSV, collecting every problem with its file, row and field.</summary>
internal sealed class ReferenceReader(DataSource source)
{
    private static readonly HashSet<string> CinSourceCodes = new(StringComparer.Ordinal)
    {
        "1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E", "3F", "4", "5A", "5B", "5C", "5D", "6", "7", "8", "9", "10",
    };

    private static readonly Dictionary<string, AgencySector> Sectors = new(StringComparer.Ordinal)
    {
        ["police"] = AgencySector.Police,
        ["health"] = AgencySector.Health,
        ["education"] = AgencySector.Education,
        ["local_authority"] = AgencySector.LocalAuthority,
        ["voluntary"] = AgencySector.Voluntary,
        ["individual"] = AgencySector.Individual,
        ["other"] = AgencySector.Other,
    };

    private static readonly HashSet<string> Units = new(StringComparer.Ordinal) { "count", "percent" };

    public List<ReferenceDataError> Errors { get; } = [];

    public IReadOnlyList<Agency> Agencies(string path)
    {
        var result = new List<Agency>();
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (row, get) in Rows(path, "agency_code", "agency_name", "sector", "cin_source_code"))
        {
            var code = Required(path, row, get, "agency_code");
            var name = Required(path, row, get, "agency_name");
            if (code.Length > 0 && !codes.Add(code))
            {
                Add(path, row, "agency_code", $"duplicate agency_code '{code}'");
            }

            var sectorText = get("sector");
            if (!Sectors.TryGetValue(sectorText, out var sector))
            {
                Add(path, row, "sector", $"'{sectorText}' is not a sector ({string.Join(", ", Sectors.Keys)})");
            }

            var cin = get("cin_source_code").ToUpperInvariant();
            if (!CinSourceCodes.Contains(cin))
            {
                Add(path, row, "cin_source_code", $"'{get("cin_source_code")}' is not a CIN referral source code (1A-1D, 2A, 2B, 3A-3F, 4, 5A-5D, 6-10)");
            }

            result.Add(new Agency(code, name, sector, cin));
        }

        return result;
    }

    public IReadOnlyList<BankHoliday> BankHolidays(string path)
    {
        var result = new List<BankHoliday>();
        foreach (var (row, get) in Rows(path, "date", "name"))
        {
            var name = Required(path, row, get, "name");
            if (!DateOnly.TryParseExact(get("date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                Add(path, row, "date", $"'{get("date")}' is not a date (yyyy-mm-dd)");
                continue;
            }

            if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                Add(path, row, "date", string.Create(CultureInfo.InvariantCulture, $"{date:yyyy-MM-dd} is a {date.DayOfWeek}: bank holidays at a weekend are replaced by a substitute weekday"));
            }

            if (result.Any(h => h.Date == date))
            {
                Add(path, row, "date", string.Create(CultureInfo.InvariantCulture, $"duplicate date {date:yyyy-MM-dd}"));
            }

            result.Add(new BankHoliday(date, name));
        }

        // Every year between the first and the last must be there: a missing year would make its bank holidays working days.
        if (result.Count > 0)
        {
            var years = result.Select(h => h.Date.Year).ToHashSet();
            for (var year = years.Min(); year <= years.Max(); year++)
            {
                if (!years.Contains(year))
                {
                    Add(path, null, "date", string.Create(CultureInfo.InvariantCulture, $"no bank holidays for {year}: the table must cover whole consecutive years"));
                }
            }
        }

        return result;
    }

    public IReadOnlyList<NationalComparator> Comparators(string path)
    {
        var result = new List<NationalComparator>();
        foreach (var (row, get) in Rows(path, "year_ending", "measure", "value", "unit", "source"))
        {
            var measure = Required(path, row, get, "measure");
            var source = Required(path, row, get, "source");
            var unit = get("unit");
            if (!Units.Contains(unit))
            {
                Add(path, row, "unit", $"'{unit}' is not a unit (count, percent)");
            }

            var dateOk = DateOnly.TryParseExact(get("year_ending"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var yearEnding);
            if (!dateOk)
            {
                Add(path, row, "year_ending", $"'{get("year_ending")}' is not a date (yyyy-mm-dd)");
            }

            if (!decimal.TryParse(get("value"), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                Add(path, row, "value", $"'{get("value")}' is not a number (digits and a decimal point, no thousands separators)");
            }
            else if (unit == "percent" && (value < 0 || value > 100))
            {
                Add(path, row, "value", string.Create(CultureInfo.InvariantCulture, $"{value} is not a percentage (0-100)"));
            }

            if (dateOk && result.Any(c => c.YearEnding == yearEnding && c.Measure == measure))
            {
                Add(path, row, "measure", string.Create(CultureInfo.InvariantCulture, $"duplicate measure '{measure}' for year ending {yearEnding:yyyy-MM-dd}"));
            }

            result.Add(new NationalComparator(yearEnding, measure, value, unit, source));
        }

        return result;
    }

    public IReadOnlyList<Locality> Localities(string path)
    {
        var result = new List<Locality>();
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (row, get) in Rows(path, "locality_code", "locality_name", "area", "population_0_17"))
        {
            var code = Required(path, row, get, "locality_code");
            var name = Required(path, row, get, "locality_name");
            var area = Required(path, row, get, "area");
            if (code.Length > 0 && !codes.Add(code))
            {
                Add(path, row, "locality_code", $"duplicate locality_code '{code}'");
            }

            if (!int.TryParse(get("population_0_17"), NumberStyles.None, CultureInfo.InvariantCulture, out var population))
            {
                Add(path, row, "population_0_17", $"'{get("population_0_17")}' is not a whole number of children (digits only)");
            }

            result.Add(new Locality(code, name, area, population));
        }

        if (result.Count == 0 && source.Exists(path))
        {
            Add(path, null, null, "no localities: every consultation names one");
        }

        return result;
    }

    private IEnumerable<(int Row, Func<string, string> Get)> Rows(string path, params string[] columns)
    {
        var file = source.Describe(path);
        if (!source.Exists(path))
        {
            Errors.Add(new ReferenceDataError(file, null, null, "the file is missing"));
            yield break;
        }

        var table = CsvTable.Parse(source.ReadAllText(path), out var error, out var errorRow);
        if (table is null)
        {
            Errors.Add(new ReferenceDataError(file, errorRow, null, error!));
            yield break;
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            var i = table.Column(column);
            if (i < 0)
            {
                Errors.Add(new ReferenceDataError(file, 1, column, "the header has no such column"));
            }

            index[column] = i;
        }

        if (index.Values.Any(i => i < 0))
        {
            yield break;
        }

        foreach (var row in table.Rows)
        {
            if (row.Fields.Count != table.Header.Count)
            {
                Errors.Add(new ReferenceDataError(file, row.Row, null, string.Create(CultureInfo.InvariantCulture, $"{row.Fields.Count} fields where the header has {table.Header.Count}")));
                continue;
            }

            yield return (row.Row, column => row[index[column]]);
        }
    }

    private string Required(string path, int row, Func<string, string> get, string column)
    {
        var value = get(column);
        if (value.Length == 0)
        {
            Add(path, row, column, $"{column} is blank");
        }

        return value;
    }

    private void Add(string path, int? row, string? field, string message) =>
        Errors.Add(new ReferenceDataError(source.Describe(path), row, field, message));
}
