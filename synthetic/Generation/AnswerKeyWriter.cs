using System.Text;
using Warehouse.Synthetic.Consultations;

namespace Warehouse.Synthetic.Generation;

/// <summary>
/// The answer key, one CSV per month outside the inbox: per consultation, the actual level CONTRACT.md section 3
/// must give (the recorded one, or what the Annex A events in its window show) and why it was drawn so.
/// </summary>
internal sealed class AnswerKeyWriter : IDisposable
{
    public static readonly IReadOnlyList<string> Header =
        ["consultation_id", "child_id", "consultation_date", "recommended_level", "outcome", "actual_level", "actual_source", "window_end", "open_case_floor", "planted"];

    private readonly StreamWriter writer;
    private readonly CsvLine line = new(quoteAll: false, newLine: "\n");

    public AnswerKeyWriter(string path)
    {
        Path = path;
        writer = new StreamWriter(new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16), new UTF8Encoding(false), 1 << 18);
        foreach (var name in Header)
        {
            line.Field(name);
        }

        line.WriteTo(writer);
    }

    public string Path { get; }

    public long Rows { get; private set; }

    public void Write(string consultationId, string childId, DateOnly date, int recommended, string outcome, int actual, bool recorded, int floor, PlantedKind planted)
    {
        line.Field(consultationId);
        line.Field(childId);
        line.Date(date, british: false);
        if (recommended == 0)
        {
            line.Empty();
        }
        else
        {
            line.Field(recommended);
        }

        line.Field(outcome);
        line.Field(actual);
        line.Field(recorded ? "recorded" : "annex_a");
        line.Date(date.AddDays(Draws.WindowDays), british: false);
        line.Field(floor);
        line.Field(planted switch
        {
            PlantedKind.OverResponseLocality => "over_response_locality",
            PlantedKind.UnderResponseAgency => "under_response_agency",
            PlantedKind.SeriousUnderResponse => "serious_under_response",
            _ => string.Empty,
        });
        line.WriteTo(writer);
        Rows++;
    }

    public void Dispose() => writer.Dispose();
}
