using System.Globalization;

namespace Warehouse.Xlsx;

/// <summary>A1-style references: column letters, cell references, quoted sheet names.</summary>
public static class CellReference
{
    /// <summary>Excel's widest sheet: XFD.</summary>
    public const int MaxColumns = 16_384;

    /// <summary>Excel's tallest sheet.</summary>
    public const int MaxRows = 1_048_576;

    /// <summary>The letters of a zero-based column index: 0 is A, 25 is Z, 26 is AA.</summary>
    public static string ColumnName(int columnIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(columnIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(columnIndex, MaxColumns);
        Span<char> buffer = stackalloc char[3];
        var position = buffer.Length;
        var n = columnIndex + 1;
        while (n > 0)
        {
            var remainder = (n - 1) % 26;
            buffer[--position] = (char)('A' + remainder);
            n = (n - 1) / 26;
        }

        return new string(buffer[position..]);
    }

    /// <summary>The zero-based column index of the letters at the start of a reference such as "AB12"; -1 when there are none.</summary>
    public static int ColumnIndex(ReadOnlySpan<char> reference)
    {
        var index = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            var upper = char.ToUpperInvariant(c);
            if (upper is < 'A' or > 'Z')
            {
                break;
            }

            index = (index * 26) + (upper - 'A' + 1);
            letters++;
            if (letters > 3)
            {
                return -1;
            }
        }

        return letters == 0 ? -1 : index - 1;
    }

    /// <summary>"B7" for column index 1, row 7.</summary>
    public static string Of(int columnIndex, int rowNumber) =>
        ColumnName(columnIndex) + rowNumber.ToString(CultureInfo.InvariantCulture);

    /// <summary>"B7:D20".</summary>
    public static string Range(int firstColumn, int firstRow, int lastColumn, int lastRow) =>
        Of(firstColumn, firstRow) + ":" + Of(lastColumn, lastRow);

    /// <summary>"$B$7".</summary>
    public static string Absolute(int columnIndex, int rowNumber) =>
        "$" + ColumnName(columnIndex) + "$" + rowNumber.ToString(CultureInfo.InvariantCulture);

    /// <summary>A sheet name as formulas and links need it: always quoted, apostrophes doubled.</summary>
    public static string QuoteSheetName(string sheetName) => "'" + sheetName.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>"'Sheet 1'!$B$7:$B$20": the form chart series and drop-down sources take.</summary>
    public static string AbsoluteRange(string sheetName, int column, int firstRow, int lastRow) =>
        QuoteSheetName(sheetName) + "!" + Absolute(column, firstRow) + ":" + Absolute(column, lastRow);
}
