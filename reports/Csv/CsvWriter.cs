using System.Globalization;
using System.Text;
using Warehouse.Reports.Excel;

namespace Warehouse.Reports.Csv;

/// <summary>
/// Writes RFC 4180 CSV: comma-separated, CRLF line ends, fields quoted when they hold a comma, a
/// quote or a line break, invariant culture. Text that a spreadsheet would take as a formula
/// (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return) is neutralised with a
/// leading apostrophe, as OWASP recommends; real numbers, negative ones included, are written as
/// plain numbers, so they are never altered.
/// </summary>
internal sealed class CsvWriter(TextWriter writer)
{
    private static readonly System.Buffers.SearchValues<char> NeedsQuotes = System.Buffers.SearchValues.Create(",\"\r\n");

    /// <summary>UTF-8 with a byte order mark, so that Excel opens non-ASCII text correctly.</summary>
    public static Encoding Encoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    /// <summary>A header row; headers are text and are neutralised like any other text.</summary>
    public void WriteHeader(IEnumerable<string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        WriteRow(headers.Select(SheetCell.Text).ToArray());
    }

    public void WriteRow(IReadOnlyList<SheetCell> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            writer.Write(Field(cells[i]));
        }

        writer.Write("\r\n");
    }

    /// <summary>One field as it appears in the file.</summary>
    public static string Field(SheetCell cell) => cell.Kind switch
    {
        CellKind.Blank => string.Empty,
        // Numbers are machine-written, never neutralised: "-0.05" stays a number.
        CellKind.Number => cell.NumberValue.ToString("R", CultureInfo.InvariantCulture),
        CellKind.Date => cell.DateValue.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Quote(Neutralise(cell.TextValue ?? string.Empty)),
    };

    /// <summary>Prefixes text that a spreadsheet would run as a formula with an apostrophe.</summary>
    public static string Neutralise(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static string Quote(string text) =>
        text.AsSpan().ContainsAny(NeedsQuotes) ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
