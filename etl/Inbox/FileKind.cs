namespace Warehouse.Etl.Inbox;

/// <summary>The kinds of source file the warehouse accepts (CONTRACT.md), told apart by content.</summary>
internal enum FileKind
{
    /// <summary>Not a kind the warehouse knows.</summary>
    Unrecognised,

    /// <summary>Front-door consultations (CSV).</summary>
    Consultations,

    /// <summary>An Annex A workbook (XLSX, sheets List 1 … List 11).</summary>
    AnnexAWorkbook,

    /// <summary>One Annex A list as CSV.</summary>
    AnnexAList,

    /// <summary>Reference data: localities.</summary>
    Localities,

    /// <summary>Reference data: agencies.</summary>
    Agencies,

    /// <summary>Reference data: bank holidays.</summary>
    BankHolidays,

    /// <summary>Reference data: national comparators.</summary>
    NationalComparators,

    /// <summary>A completed audit workbook (XLSX).</summary>
    AuditReturn,
}
