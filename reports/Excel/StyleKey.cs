namespace Warehouse.Reports.Excel;

/// <summary>One cell format (an entry of cellXfs): number format, role and whether the cell is locked.</summary>
internal readonly record struct StyleKey(NumberFormat Format, CellRole Role, bool Locked);
