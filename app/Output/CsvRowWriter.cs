namespace Warehouse.App.Output;

/// <summary>RFC 4180 CSV: a header row, CRLF line ends, fields quoted only when they need it.</summary>
internal sealed class CsvRowWriter(TextWriter writer) : IRowWriter
{
    private IReadOnlyList<OutputColumn> columns = [];

    public void Begin(IReadOnlyList<OutputColumn> columns)
    {
        this.columns = columns;
        WriteLine(columns.Select(c => c.Name));
    }

    public void Row(IReadOnlyList<object?> values) =>
        WriteLine(values.Select((value, i) => ValueText.Format(value, columns[i].TypeName)));

    public void End() => writer.Flush();

    private void WriteLine(IEnumerable<string> fields)
    {
        writer.Write(string.Join(',', fields.Select(Quote)));
        writer.Write("\r\n");
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
