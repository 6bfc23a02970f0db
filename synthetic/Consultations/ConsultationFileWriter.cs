using System.Text;
using Warehouse.Frameworks;
using Warehouse.Synthetic.Population;
using Warehouse.Synthetic.Randomness;

namespace Warehouse.Synthetic.Consultations;

/// <summary>
/// Writes one month's consultations file in its style. The choices that are presentation only (how a level is
/// spelled, whether the contact source is given) come from the file's own random stream, so turning the mess off
/// changes the text and never the data.
/// </summary>
internal sealed class ConsultationFileWriter : IDisposable
{
    private readonly StreamWriter writer;
    private readonly ConsultationFileStyle style;
    private readonly Rng format;
    private readonly bool messy;
    private readonly CsvLine line;

    public ConsultationFileWriter(string path, ConsultationFileStyle style, Rng format, bool messy)
    {
        this.style = style;
        this.format = format;
        this.messy = messy;
        line = new CsvLine(style.QuoteAll, style.NewLine);
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        writer = new StreamWriter(stream, new UTF8Encoding(style.ByteOrderMark), 1 << 20);
        foreach (var header in style.Headers)
        {
            line.Field(header);
        }

        if (style.ExtraHeader is not null)
        {
            line.Field(style.ExtraHeader);
        }

        line.WriteTo(writer);
    }

    public long Rows { get; private set; }

    public void Write(ConsultationRow row)
    {
        foreach (var column in style.Order)
        {
            WriteField(row, column);
        }

        if (style.ExtraValue is not null)
        {
            line.Field(style.ExtraValue);
        }

        line.WriteTo(writer);
        Rows++;
    }

    public void Dispose() => writer.Dispose();

    private void WriteField(ConsultationRow row, ConsultationColumn column)
    {
        switch (column)
        {
            case ConsultationColumn.ConsultationId:
                line.Field(row.Id);
                break;
            case ConsultationColumn.ChildId:
                line.Field(row.ChildId);
                break;
            case ConsultationColumn.DateOfBirth:
                if (row.BirthDate is { } birth)
                {
                    line.Date(birth, style.DateStyle == DateStyle.British);
                }
                else
                {
                    line.Empty();
                }

                break;
            case ConsultationColumn.Sex:
                line.Field(row.Sex switch { 'M' => "M", 'F' => "F", 'U' => "U", _ => string.Empty });
                break;
            case ConsultationColumn.Ethnicity:
                line.Field(row.Ethnicity < 0 ? string.Empty
                    : messy && format.Chance(0.03) ? Ethnicities.AnnexALabels[row.Ethnicity]
                    : Ethnicities.Codes[row.Ethnicity]);
                break;
            case ConsultationColumn.Disability:
                line.Field(row.Disability switch { 1 => "yes", 2 => "no", _ => string.Empty });
                break;
            case ConsultationColumn.ConsultationDate:
                WriteDate(row.Date, row.Minute);
                break;
            case ConsultationColumn.DecisionDate:
                if (row.DecisionDate is { } decision)
                {
                    WriteDate(decision, row.DecisionMinute);
                }
                else
                {
                    line.Empty();
                }

                break;
            case ConsultationColumn.Locality:
                line.Field(row.Locality);
                break;
            case ConsultationColumn.CallerAgency:
                line.Field(row.Agency.Code);
                break;
            case ConsultationColumn.ContactSource:
                var source = !messy ? 1 : format.NextDouble() switch { < 0.40 => 0, < 0.90 => 1, _ => 2 };
                line.Field(source switch
                {
                    0 => string.Empty,
                    1 => row.Agency.CinSourceCode,
                    _ => CinSources.AnnexALabel(row.Agency.CinSourceCode),
                });
                break;
            case ConsultationColumn.Consent:
                line.Field(row.Consent ?? string.Empty);
                break;
            case ConsultationColumn.CallerLevel:
                WriteLevel(row.Framework, row.CallerLevel);
                break;
            case ConsultationColumn.Indicators:
                line.Field(row.Indicators ?? string.Empty);
                break;
            case ConsultationColumn.Likelihood:
                WriteScore(row.Likelihood);
                break;
            case ConsultationColumn.Seriousness:
                WriteScore(row.Seriousness);
                break;
            case ConsultationColumn.RecommendedLevel:
                WriteLevel(row.Framework, row.RecommendedLevel);
                break;
            case ConsultationColumn.Outcome:
                line.Field(row.Outcome.Code);
                break;
            case ConsultationColumn.ActualLevel:
                WriteLevel(row.Framework, row.ActualLevel);
                break;
            case ConsultationColumn.Team:
                line.Field(row.Team ?? string.Empty);
                break;
            default:
                throw new InvalidOperationException($"Unknown column {column}.");
        }
    }

    private void WriteDate(DateOnly date, int minute)
    {
        switch (style.DateStyle)
        {
            case DateStyle.IsoDateTime:
                line.DateTime(date, minute);
                break;
            case DateStyle.British:
                line.Date(date, british: true);
                break;
            default:
                line.Date(date, british: false);
                break;
        }
    }

    private void WriteScore(int score)
    {
        if (score < 0)
        {
            line.Empty();
        }
        else
        {
            line.Field(score);
        }
    }

    // A level as its code mostly; in a messy file sometimes its number or one of the names the framework lists.
    private void WriteLevel(Framework framework, int number)
    {
        if (number == 0)
        {
            line.Empty();
            return;
        }

        var level = framework.LevelNumbered(number);
        if (!messy)
        {
            line.Field(level.Code);
            return;
        }

        var draw = format.NextDouble();
        if (draw < 0.84 || level.Names.Count == 0)
        {
            line.Field(level.Code);
        }
        else if (draw < 0.94)
        {
            line.Field(number);
        }
        else
        {
            line.Field(level.Names[format.NextInt(level.Names.Count)]);
        }
    }
}
