using System.Globalization;
using System.Text;

namespace Warehouse.Xlsx;

/// <summary>
/// Spreadsheet text as XML holds it. XML 1.0 cannot carry most control characters, and parsers
/// turn a carriage return into a line feed, so Excel escapes them as <c>_xHHHH_</c> (ECMA-376
/// ST_Xstring); a literal <c>_xHHHH_</c> in the text escapes its underscore as <c>_x005F_</c>.
/// The reader undoes it, so text round-trips exactly.
/// </summary>
public static class XmlStrings
{
    public static string Escape(string text)
    {
        if (!NeedsEscape(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '_' && IsEscapeSequence(text.AsSpan(i)))
            {
                builder.Append("_x005F_");
            }
            else if ((c < 0x20 && c != '\t' && c != '\n') || c == '\uFFFE' || c == '\uFFFF')
            {
                Append(builder, c);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                // A lone surrogate is not a character at all; XML cannot hold it.
                builder.Append('\uFFFD');
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    public static string Unescape(string text)
    {
        if (!text.Contains("_x", StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '_' && IsEscapeSequence(text.AsSpan(i)))
            {
                builder.Append((char)int.Parse(text.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
                i += 6;
            }
            else
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }

    /// <summary>The shortest text that reads back as the same double, in the invariant culture.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static bool NeedsEscape(string text)
    {
        foreach (var c in text)
        {
            if (c == '_' || (c < 0x20 && c != '\t' && c != '\n') || c >= '\uD800')
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsEscapeSequence(ReadOnlySpan<char> s) =>
        s.Length >= 7 && s[0] == '_' && s[1] == 'x' && s[6] == '_' &&
        char.IsAsciiHexDigit(s[2]) && char.IsAsciiHexDigit(s[3]) && char.IsAsciiHexDigit(s[4]) && char.IsAsciiHexDigit(s[5]);

    private static void Append(StringBuilder builder, char c) =>
        builder.Append("_x").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)).Append('_');
}
