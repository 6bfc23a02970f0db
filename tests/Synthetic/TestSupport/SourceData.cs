using System.Globalization;
using Warehouse.Frameworks;

namespace Warehouse.Synthetic.Tests.TestSupport;

/// <summary>
/// A partnership's generated files read back the way the contract describes them, without the generator's code:
/// consultations by header name, Annex A lists by sheet and official column name.
/// </summary>
public sealed class SourceData
{
    public sealed record Consultation(
        string File,
        string Id,
        string ChildId,
        DateOnly Date,
        string DateText,
        DateOnly? Decision,
        string Locality,
        string Agency,
        int? Recommended,
        string Outcome,
        int? Actual,
        int? Caller,
        string Consent,
        IReadOnlyList<string> Indicators,
        string Likelihood,
        string Seriousness,
        string Sex,
        string Ethnicity,
        string Disability,
        string ContactSource,
        DateOnly? BirthDate,
        string Team);

    public sealed record AnnexEvent(int List, string ChildId, DateOnly Date, bool? Nfa, string File);

    public sealed record Episode(int List, string ChildId, DateOnly Start, DateOnly? End, DateOnly PeriodEnd);

    private static readonly string[] KeyDates =
    [
        string.Empty, "Date of Contact", "Assessment start date", "Date of Referral", "Continuous Assessment Start Date",
        "Strategy discussion initiating Section 47 Enquiry Start Date", "CIN Start Date", "Child Protection Plan Start Date",
    ];

    private readonly Dictionary<string, List<AnnexEvent>> eventsByChild = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Episode>> episodesByChild = new(StringComparer.Ordinal);

    private SourceData(string partnership)
    {
        Partnership = partnership;
    }

    public string Partnership { get; }

    public List<Consultation> Consultations { get; } = [];

    public List<AnnexEvent> Events { get; } = [];

    public List<Episode> Episodes { get; } = [];

    public List<string> Workbooks { get; } = [];

    public List<string> ListFiles { get; } = [];

    public DateOnly CoverageStart { get; private set; } = DateOnly.MaxValue;

    public DateOnly CoverageEnd { get; private set; } = DateOnly.MinValue;

    public static SourceData Load(string folder, string partnership, FrameworkCatalog catalog)
    {
        var data = new SourceData(partnership);
        foreach (var path in Directory.GetFiles(folder, "consultations-*.csv").Order(StringComparer.Ordinal))
        {
            data.ReadConsultations(path, catalog.Get(partnership));
        }

        var episodes = new Dictionary<(int, string, DateOnly), Episode>();
        foreach (var path in Directory.GetFiles(folder, "annex-a-*").Order(StringComparer.Ordinal))
        {
            var periodEnd = PeriodEnd(path);
            foreach (var (list, rows, header) in Lists(path, data))
            {
                var child = header.FindIndex(h => h == "Child Unique ID");
                var key = header.FindIndex(h => h == KeyDates[list]);
                foreach (var row in rows)
                {
                    var id = row[child]?.Text?.Trim().ToUpperInvariant() ?? throw new InvalidDataException($"{path} list {list}: no child id.");
                    var date = row[key]?.AsDate() ?? throw new InvalidDataException($"{path} list {list}: no key date for {id}.");
                    if (list <= 5)
                    {
                        bool? nfa = null;
                        if (list == 3)
                        {
                            var text = row[header.FindIndex(h => h == "Referral NFA?")]?.Text;
                            nfa = text switch { "Yes" => true, "No" => false, _ => throw new InvalidDataException($"{path}: Referral NFA? is '{text}'.") };
                        }

                        var e = new AnnexEvent(list, id, date, nfa, path);
                        data.Events.Add(e);
                        Add(data.eventsByChild, id, e);
                        data.CoverageStart = date < data.CoverageStart ? date : data.CoverageStart;
                        data.CoverageEnd = date > data.CoverageEnd ? date : data.CoverageEnd;
                    }
                    else
                    {
                        var end = row[header.FindIndex(h => h == (list == 6 ? "CIN Closure Date" : "Child Protection Plan End Date"))]?.AsDate();
                        var episode = new Episode(list, id, date, end, periodEnd);

                        // Episodes are matched by child and start date; the latest return's view stands.
                        if (!episodes.TryGetValue((list, id, date), out var seen) || seen.PeriodEnd < periodEnd)
                        {
                            episodes[(list, id, date)] = episode;
                        }
                    }
                }
            }
        }

        foreach (var episode in episodes.Values)
        {
            data.Episodes.Add(episode);
            Add(data.episodesByChild, episode.ChildId, episode);
        }

        return data;
    }

    public IReadOnlyList<AnnexEvent> EventsOf(string child) => eventsByChild.TryGetValue(child, out var list) ? list : [];

    public IReadOnlyList<Episode> EpisodesOf(string child) => episodesByChild.TryGetValue(child, out var list) ? list : [];

    private static void Add<T>(Dictionary<string, List<T>> index, string key, T value)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(value);
    }

    private static DateOnly PeriodEnd(string path)
    {
        var name = Path.GetFileName(path);
        var month = DateOnly.ParseExact(string.Concat(name.AsSpan("annex-a-".Length, 7), "-01"), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return month.AddMonths(1).AddDays(-1);
    }

    private static IEnumerable<(int List, IReadOnlyList<Workbook.Cell?[]> Rows, List<string> Header)> Lists(string path, SourceData data)
    {
        if (path.EndsWith(".xlsx", StringComparison.Ordinal))
        {
            data.Workbooks.Add(path);
            foreach (var sheet in Workbook.Read(path))
            {
                var list = int.Parse(sheet.Name["List ".Length..], CultureInfo.InvariantCulture);
                if (list <= 7)
                {
                    yield return (list, sheet.Rows, sheet.Header.ToList());
                }
            }

            yield break;
        }

        data.ListFiles.Add(path);
        var table = Csv.Read(path);
        var number = int.Parse(Path.GetFileNameWithoutExtension(path).Split('-')[^1], CultureInfo.InvariantCulture);
        var rows = table.Rows.Select(r => r.Select(v => v.Length == 0 ? null : new Workbook.Cell(v, null, false, null, false)).ToArray()).ToList();
        yield return (number, rows, table.Header.ToList());
    }

    private void ReadConsultations(string path, PartnershipFrameworks frameworks)
    {
        var table = Csv.Read(path);
        string Get(string[] row, string name)
        {
            var column = table.Column(name);
            return column < 0 ? throw new InvalidDataException($"{path} has no column {name}.") : row[column];
        }

        foreach (var row in table.Rows)
        {
            var dateText = Get(row, "consultation_date");
            var date = Dates.Parse(dateText) ?? throw new InvalidDataException($"{path}: consultation_date '{dateText}'.");
            var framework = frameworks.VersionFor(date) ?? throw new InvalidDataException($"{path}: no framework on {date}.");
            Consultations.Add(new Consultation(
                path,
                Get(row, "consultation_id"),
                Get(row, "child_id").Trim().ToUpperInvariant(),
                date,
                dateText,
                Dates.Parse(Get(row, "decision_date")),
                Get(row, "locality"),
                Get(row, "caller_agency"),
                Level(framework, Get(row, "recommended_level")),
                Get(row, "outcome"),
                Level(framework, Get(row, "actual_level")),
                Level(framework, Get(row, "caller_level")),
                Get(row, "consent"),
                Get(row, "indicators").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Get(row, "likelihood"),
                Get(row, "seriousness"),
                Get(row, "sex"),
                Get(row, "ethnicity"),
                Get(row, "disability"),
                Get(row, "contact_source"),
                Dates.Parse(Get(row, "date_of_birth")),
                Get(row, "team")));
        }
    }

    private static int? Level(Framework framework, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parsed = framework.ParseLevel(text);
        return parsed.Level?.Number ?? throw new InvalidDataException($"'{text}' is not a level: {parsed.Error}");
    }
}
