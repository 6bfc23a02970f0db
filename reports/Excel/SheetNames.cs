using Warehouse.Xlsx;

namespace Warehouse.Reports.Excel;

/// <summary>Excel's rules for sheet and table names, checked before anything is written.</summary>
internal static class SheetNames
{
    private static readonly System.Buffers.SearchValues<char> Forbidden = System.Buffers.SearchValues.Create("[]:*?/\\");

    public static void CheckSheetName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 31 || name.AsSpan().ContainsAny(Forbidden) ||
            name.StartsWith('\'') || name.EndsWith('\'') || name.Equals("History", StringComparison.OrdinalIgnoreCase) ||
            name.Any(char.IsControl))
        {
            throw new ArgumentException($"'{name}' is not a valid sheet name: 1 to 31 characters, none of []:*?/\\, not starting or ending with an apostrophe, not 'History'.", nameof(name));
        }
    }

    public static void CheckTableName(string name)
    {
        var valid = !string.IsNullOrEmpty(name) && name.Length <= 255 &&
            (char.IsAsciiLetter(name[0]) || name[0] == '_') &&
            name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_' || c == '.') &&
            !LooksLikeCellReference(name) &&
            !(name.Length == 1 && name[0] is 'C' or 'c' or 'R' or 'r');
        if (!valid)
        {
            throw new ArgumentException($"'{name}' is not a valid table name: start with a letter or underscore, then letters, digits, underscores or dots; not a cell reference such as A1 or R1C1.", nameof(name));
        }
    }

    private static bool LooksLikeCellReference(string name)
    {
        var column = CellReference.ColumnIndex(name);
        var letters = name.TakeWhile(char.IsAsciiLetter).Count();
        if (column >= 0 && letters < name.Length && name.Skip(letters).All(char.IsAsciiDigit))
        {
            return true;
        }

        // R1C1 style.
        return name.Length > 1 && (name[0] is 'R' or 'r') && name.Skip(1).All(c => char.IsAsciiDigit(c) || c is 'C' or 'c');
    }
}
