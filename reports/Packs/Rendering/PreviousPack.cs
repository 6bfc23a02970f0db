using System.Globalization;
using System.Text;
using Warehouse.Analytics.Disclosure;
using Warehouse.Reports.Packs.Figures;

namespace Warehouse.Reports.Packs.Rendering;

/// <summary>
/// The figures the previous month's pack published, from its tidy CSV, so that a figure shown again
/// with another value is marked revised <c>[r]</c> (e.g. after a new Annex A return).
/// </summary>
internal static class PreviousPack
{
    public static IReadOnlyDictionary<CellKey, PublishedFigure> Read(string tidyPath)
    {
        var figures = new Dictionary<CellKey, PublishedFigure>();
        if (!File.Exists(tidyPath))
        {
            return figures;
        }

        using var reader = new StreamReader(tidyPath, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var header = ParseLine(reader);
        if (header is null || !header.SequenceEqual(TidyCsv.Headers, StringComparer.Ordinal))
        {
            // Another layout (an older version of the pack): nothing can be compared safely.
            return figures;
        }

        while (ParseLine(reader) is { } fields)
        {
            if (fields.Count != TidyCsv.Headers.Length)
            {
                continue;
            }

            var value = fields[6];
            if (!decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var number))
            {
                continue;
            }

            int point = value.IndexOf('.', StringComparison.Ordinal);
            int decimals = point < 0 ? 0 : value.Length - point - 1;
            var key = new CellKey(FigureId.KeyOf(Unquote(fields[0]), Unquote(fields[1]), Unquote(fields[2]), fields[3].Length == 0 ? null : Unquote(fields[3]), Unquote(fields[4])));
            figures[key] = PublishedFigure.Of(number, decimals);
        }

        return figures;
    }

    /// <summary>Undoes the CSV writer's formula neutralising of text that started with = + - @ tab or CR.</summary>
    private static string Unquote(string field) =>
        field.Length > 1 && field[0] == '\'' && field[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? field[1..] : field;

    /// <summary>One RFC 4180 record (quoted fields may hold commas, quotes and line breaks); null at the end.</summary>
    private static List<string>? ParseLine(StreamReader reader)
    {
        if (reader.Peek() < 0)
        {
            return null;
        }

        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        while (true)
        {
            int next = reader.Read();
            if (next < 0)
            {
                fields.Add(field.ToString());
                return fields;
            }

            char c = (char)next;
            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && reader.Peek() == '\n')
            {
                reader.Read();
                fields.Add(field.ToString());
                return fields;
            }
            else if (c == '\n')
            {
                fields.Add(field.ToString());
                return fields;
            }
            else
            {
                field.Append(c);
            }
        }
    }
}
