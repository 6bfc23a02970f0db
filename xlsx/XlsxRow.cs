namespace Warehouse.Xlsx;

/// <summary>A row read from a sheet: its Excel row number and its cells from column A, blanks filled in, trailing blanks dropped.</summary>
public sealed record XlsxRow(int RowNumber, IReadOnlyList<XlsxValue> Cells)
{
    /// <summary>The cell in a zero-based column; blank beyond the last non-blank cell.</summary>
    public XlsxValue this[int column] => column >= 0 && column < Cells.Count ? Cells[column] : XlsxValue.Blank;

    public bool IsEmpty => Cells.Count == 0;
}
