using System.Globalization;

namespace Warehouse.Synthetic.Xlsx;

/// <summary>Culture-free formatting straight into a writer: numbers and dates in files never follow the machine's locale.</summary>
internal static class Invariant
{
    public static void Write(TextWriter writer, long value)
    {
        Span<char> buffer = stackalloc char[24];
        value.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture);
        writer.Write(buffer[..written]);
    }

    /// <summary>The shortest text that reads back as the same double ("R" semantics).</summary>
    public static void Write(TextWriter writer, double value)
    {
        Span<char> buffer = stackalloc char[40];
        value.TryFormat(buffer, out var written, "R", CultureInfo.InvariantCulture);
        writer.Write(buffer[..written]);
    }

    public static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Writes a date as <c>yyyy-MM-dd</c> or <c>dd/MM/yyyy</c> into a span of 10 characters.</summary>
    public static void FormatDate(Span<char> target, DateOnly date, bool british)
    {
        var (y, m, d) = (date.Year, date.Month, date.Day);
        if (british)
        {
            Two(target, d);
            target[2] = '/';
            Two(target[3..], m);
            target[5] = '/';
            Four(target[6..], y);
        }
        else
        {
            Four(target, y);
            target[4] = '-';
            Two(target[5..], m);
            target[7] = '-';
            Two(target[8..], d);
        }

        static void Two(Span<char> s, int v)
        {
            s[0] = (char)('0' + (v / 10));
            s[1] = (char)('0' + (v % 10));
        }

        static void Four(Span<char> s, int v)
        {
            s[0] = (char)('0' + (v / 1000));
            s[1] = (char)('0' + (v / 100 % 10));
            s[2] = (char)('0' + (v / 10 % 10));
            s[3] = (char)('0' + (v % 10));
        }
    }

    public static string Date(DateOnly date, bool british)
    {
        Span<char> buffer = stackalloc char[10];
        FormatDate(buffer, date, british);
        return new string(buffer);
    }
}
