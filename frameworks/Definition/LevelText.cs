using System.Globalization;
using System.Text;

namespace Warehouse.Frameworks;

/// <summary>
/// The comparison key for level codes and names: lower case; any dash (hyphen, en dash, em dash, minus) is a
/// hyphen with no spaces around it; underscores and every kind of space are a single space; curly quotes are straight.
/// </summary>
internal static class LevelText
{
    public static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var raw in text)
        {
            var c = raw switch
            {
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
                '\u2018' or '\u2019' => '\'',
                '\u201C' or '\u201D' => '"',
                '_' => ' ',
                _ => char.IsWhiteSpace(raw) ? ' ' : char.ToLowerInvariant(raw),
            };

            if (c == ' ')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (c == '-')
            {
                pendingSpace = false;
                builder.Append('-');
                continue;
            }

            if (pendingSpace && builder[^1] != '-')
            {
                builder.Append(' ');
            }

            pendingSpace = false;
            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>The number in a normalised "3", "level 3" or "level3", or null when the key is not of that form.</summary>
    public static int? NumberOf(string key)
    {
        var digits = key.StartsWith("level", StringComparison.Ordinal) ? key[5..].TrimStart() : key;
        return digits.Length is > 0 and < 4 && digits.All(char.IsAsciiDigit)
            ? int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture)
            : null;
    }
}
