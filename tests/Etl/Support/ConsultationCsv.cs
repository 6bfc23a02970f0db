using System.Text;

namespace Warehouse.Etl.Tests.Support;

/// <summary>Builds consultations CSV text with sensible defaults for every column.</summary>
public sealed class ConsultationCsv
{
    public static readonly string[] Header =
    [
        "consultation_id", "child_id", "date_of_birth", "sex", "ethnicity", "disability", "consultation_date", "decision_date",
        "locality", "caller_agency", "contact_source", "consent", "caller_level", "indicators", "likelihood", "seriousness",
        "recommended_level", "outcome", "actual_level", "team",
    ];

    private readonly List<Dictionary<string, string>> rows = [];

    public ConsultationCsv Add(string id, Action<Dictionary<string, string>>? change = null)
    {
        var row = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["consultation_id"] = id,
            ["child_id"] = "CHILD-" + id,
            ["date_of_birth"] = "2015-06-17",
            ["sex"] = "F",
            ["ethnicity"] = "WBRI",
            ["disability"] = "no",
            ["consultation_date"] = "2026-09-14",
            ["decision_date"] = "2026-09-15",
            ["locality"] = "RUG",
            ["caller_agency"] = "SCHOOL",
            ["contact_source"] = "",
            ["consent"] = "given",
            ["caller_level"] = "2",
            ["indicators"] = "",
            ["likelihood"] = "4",
            ["seriousness"] = "5",
            ["recommended_level"] = "family_help",
            ["outcome"] = "family_help_assessment",
            ["actual_level"] = "3",
            ["team"] = "Family Connect Team A",
        };
        change?.Invoke(row);
        rows.Add(row);
        return this;
    }

    public string Build(IReadOnlyList<string>? header = null)
    {
        header ??= Header;
        var text = new StringBuilder();
        text.Append(string.Join(',', header)).Append("\r\n");
        foreach (var row in rows)
        {
            text.Append(string.Join(',', header.Select(h => Quote(row.TryGetValue(h, out var v) ? v : "")))).Append("\r\n");
        }
        return text.ToString();
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
