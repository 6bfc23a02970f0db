using System.Text;

namespace Warehouse.Frameworks;

/// <summary>
/// A small RFC 4180 reader for the reference CSVs: comma-separated, double-quoted fields (with "" for a quote and
/// line breaks allowed inside quotes), LF or CRLF, an optional BOM. Row numbers are as a person sees them in a
/// spreadsheet: the header is row 1. Blank lines are skipped.
/// </summary>
internal sealed class CsvTable
{
    private CsvTable(IReadOnlyList<string> header, IReadOnlyList<CsvRow> rows)
    {
        Header = header;
        Rows = rows;
    }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<CsvRow> Rows { get; }

    /// <summary>The column's index (header matched case-insensitively after trimming), or -1.</summary>
    public int Column(string name)
    {
        for (var i = 0; i < Header.Count; i++)
        {
            if (string.Equals(Header[i].Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Parses the text; an unterminated quote is reported as the error with its row, and null returned.</summary>
    public static CsvTable? Parse(string text, out string? error, out int errorRow)
    {
        error = null;
        errorRow = 0;
        var records = new List<CsvRow>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var row = 1;
        var recordRow = 1;
        var inQuotes = false;
        var fieldStarted = false;
        var start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    if (c == '\n')
                    {
                        row++;
                    }

                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when !fieldStarted:
                    inQuotes = true;
                    fieldStarted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldStarted = false;
                    break;
                case '\r':
                    break;
                case '\n':
                    EndRecord();
                    row++;
                    recordRow = row;
                    break;
                default:
                    field.Append(c);
                    fieldStarted = true;
                    break;
            }
        }

        if (inQuotes)
        {
            error = "a quoted field is not closed";
            errorRow = recordRow;
            return null;
        }

        EndRecord();
        if (records.Count == 0)
        {
            error = "the file is empty: it needs a header row";
            errorRow = 1;
            return null;
        }

        return new CsvTable(records[0].Fields, records.Skip(1).ToList());

        void EndRecord()
        {
            fields.Add(field.ToString());
            field.Clear();
            fieldStarted = false;
            if (fields.Count > 1 || fields[0].Length > 0)
            {
                records.Add(new CsvRow(recordRow, [.. fields]));
            }

            fields.Clear();
        }
    }
}
