namespace Warehouse.Reports.Charts;

/// <summary>
/// Estimated text widths for layout. SVG has no text measurement before rendering, so widths come
/// from per-character averages for DejaVu Sans / Arial, erring wide so that text never collides.
/// </summary>
internal static class TextMetrics
{
    public static double Width(string text, double fontSize, bool bold = false)
    {
        var em = 0.0;
        foreach (var c in text)
        {
            em += c switch
            {
                ' ' or 'i' or 'l' or 'j' or '.' or ',' or ':' or ';' or '\'' or '|' or '!' => 0.32,
                'f' or 't' or 'r' or 'I' or '(' or ')' or '[' or ']' or '-' => 0.42,
                'm' or 'w' or 'M' or 'W' or '%' or '@' => 0.92,
                >= 'A' and <= 'Z' => 0.7,
                >= '0' and <= '9' => 0.64,
                _ => 0.6,
            };
        }

        return em * fontSize * (bold ? 1.08 : 1.0);
    }

    /// <summary>Splits text into lines no wider than <paramref name="maxWidth"/>, breaking between words.</summary>
    public static IReadOnlyList<string> Wrap(string text, double fontSize, double maxWidth, bool bold = false)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = string.Empty;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && Width(candidate, fontSize, bold) > maxWidth)
                {
                    lines.Add(line);
                    line = word;
                }
                else
                {
                    line = candidate;
                }
            }

            lines.Add(line);
        }

        return lines;
    }
}
