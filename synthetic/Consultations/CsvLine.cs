using System.Globalization;
using Warehouse.Synthetic.Xlsx;

namespace Warehouse.Synthetic.Consultations;

/// <summary>
/// Builds one CSV record in a reusable buffer (RFC 4180: a field is quoted when it holds a comma, a quote or a line
/// break, or always when the file quotes every field), then writes it with the file's line ending.
/// </summary>
internal sealed class CsvLine
{
    private char[] buffer = new char[1024];
    private int length;
    private bool first = true;

    public CsvLine(bool quoteAll, string newLine)
    {
        QuoteAll = quoteAll;
        NewLine = newLine;
    }

    public bool QuoteAll { get; }

    public string NewLine { get; }

    public void Field(ReadOnlySpan<char> value)
    {
        Separator();
        var quote = QuoteAll || value.IndexOfAny(",\"\r\n") >= 0;
        if (!quote)
        {
            Append(value);
            return;
        }

        Append('"');
        foreach (var c in value)
        {
            if (c == '"')
            {
                Append('"');
            }

            Append(c);
        }

        Append('"');
    }

    public void Empty() => Field([]);

    public void Field(int value)
    {
        Span<char> digits = stackalloc char[12];
        value.TryFormat(digits, out var written, default, CultureInfo.InvariantCulture);
        Field(digits[..written]);
    }

    public void Date(DateOnly date, bool british)
    {
        Span<char> text = stackalloc char[10];
        Invariant.FormatDate(text, date, british);
        Field(text);
    }

    /// <summary>An ISO date-time to the minute: <c>2026-10-03T14:05</c>.</summary>
    public void DateTime(DateOnly date, int minuteOfDay)
    {
        Span<char> text = stackalloc char[16];
        Invariant.FormatDate(text, date, british: false);
        text[10] = 'T';
        var (h, m) = (minuteOfDay / 60, minuteOfDay % 60);
        text[11] = (char)('0' + (h / 10));
        text[12] = (char)('0' + (h % 10));
        text[13] = ':';
        text[14] = (char)('0' + (m / 10));
        text[15] = (char)('0' + (m % 10));
        Field(text);
    }

    public void WriteTo(TextWriter writer)
    {
        writer.Write(buffer, 0, length);
        writer.Write(NewLine);
        length = 0;
        first = true;
    }

    private void Separator()
    {
        if (!first)
        {
            Append(',');
        }

        first = false;
    }

    private void Append(char c)
    {
        if (length == buffer.Length)
        {
            Array.Resize(ref buffer, buffer.Length * 2);
        }

        buffer[length++] = c;
    }

    private void Append(ReadOnlySpan<char> text)
    {
        if (length + text.Length > buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(buffer.Length * 2, length + text.Length));
        }

        text.CopyTo(buffer.AsSpan(length));
        length += text.Length;
    }
}
