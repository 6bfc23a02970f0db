namespace Warehouse.Synthetic;

/// <summary>How Annex A returns are written.</summary>
public enum AnnexAFormat
{
    /// <summary>
    /// One workbook per month while every list fits on an Excel sheet (at most
    /// <see cref="GeneratorOptions.ExcelRowLimit"/> rows under the header); one CSV per list for a month that does not.
    /// </summary>
    Auto = 0,

    /// <summary>Always one workbook per month; a month whose list does not fit on a sheet is an error.</summary>
    Xlsx,

    /// <summary>Always one CSV per list and month (Lists 1–7; empty lists are not written).</summary>
    CsvPerList,
}
