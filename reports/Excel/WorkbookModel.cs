namespace Warehouse.Reports.Excel;

/// <summary>
/// A workbook to write: its sheets in tab order, document properties, and the protective marking
/// for restricted workbooks.
/// </summary>
/// <param name="Title">Document title (File > Properties), also what screen readers announce.</param>
/// <param name="Sheets">Sheets in tab order; usually cover, contents, notes, then tables.</param>
internal sealed record WorkbookModel(string Title, IReadOnlyList<SheetModel> Sheets)
{
    /// <summary>Document author; packs are written by the warehouse, not by a person.</summary>
    public string Creator { get; init; } = "Warehouse";

    public string? Subject { get; init; }

    public string? Keywords { get; init; }

    /// <summary>Document language (accessibility checkers ask for it).</summary>
    public string Language { get; init; } = "en-GB";

    /// <summary>When the workbook was made, from the caller's clock; omitted when null so output stays reproducible.</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>A protective marking such as "OFFICIAL-SENSITIVE" printed in the header and footer of every sheet.</summary>
    public string? Marking { get; init; }

    /// <summary>Password for protected sheets. Sheet protection stops accidental edits; it is not access control.</summary>
    public string? ProtectionPassword { get; init; }

    /// <summary>Shared strings (what Excel writes) or inline strings (no string table held in memory for huge sheets).</summary>
    public bool InlineStrings { get; init; }
}
