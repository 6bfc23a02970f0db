namespace Warehouse.App.Output;

/// <summary>
/// RFC 4180 CSV: a header row, CRLF line ends, fields quoted only when they need it. Text that a
/// spreadsheet would run as a formula (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or
/// carriage return) gets a leading apostrophe, as OWASP recommends and as the packs' CSV writer
/// does: data and typed queries are text, never formulas. Numbers, dates and the other typed values
/// are written by the program, so they are never altered (-0.5 stays a number); nor is a lone
/// character such as the <c>-</c> that stands for "none", which cannot be a formula.
/// </summary>
internal sealed class CsvRowWriter(TextWriter writer) : IRowWriter
{
    private IReadOnlyList<OutputColumn> columns = [];

    public void Begin(IReadOnlyList<OutputColumn> columns)
    {
        this.columns = columns;
        WriteLine(columns.Select(c => Neutralise(c.Name)));
    }

    public void Row(IReadOnlyList<object?> values) =>
        WriteLine(values.Select((value, i) => value is string text ? Neutralise(text) : ValueText.Format(value, columns[i].TypeName)));

    public void End() => writer.Flush();

    /// <summary>Prefixes text a spreadsheet would take for a formula with an apostrophe.</summary>
    internal static string Neutralise(string text) =>
        text.Length > 1 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private void WriteLine(IEnumerable<string> fields)
    {
        writer.Write(string.Join(',', fields.Select(Quote)));
        writer.Write("\r\n");
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
