namespace Warehouse.Xlsx;

/// <summary>Which number formats show a number as a date or time (Excel stores dates as serial numbers).</summary>
public static class DateFormats
{
    /// <summary>Excel's built-in date and time formats (ECMA-376 Part 1, 18.8.30), plus the East Asian ones.</summary>
    public static bool IsBuiltInDateFormat(uint id) => id is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58);

    /// <summary>
    /// Whether a format code shows a date: it has a y, m, d, h or s outside quoted text, escapes and
    /// bracketed sections (colours, conditions, locales; elapsed time [h] is a duration, not a date).
    /// </summary>
    public static bool IsDateFormat(string code)
    {
        var inQuote = false;
        var inBracket = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (inQuote)
            {
                inQuote = c != '"';
                continue;
            }

            if (inBracket)
            {
                inBracket = c != ']';
                continue;
            }

            switch (c)
            {
                case '"':
                    inQuote = true;
                    break;
                case '[':
                    inBracket = true;
                    break;
                case '\\' or '_' or '*':
                    i++;
                    break;
                case 'y' or 'Y' or 'm' or 'M' or 'd' or 'D' or 'h' or 'H' or 's' or 'S':
                    return true;
                default:
                    break;
            }
        }

        return false;
    }
}
