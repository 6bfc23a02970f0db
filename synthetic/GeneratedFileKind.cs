namespace Warehouse.Synthetic;

/// <summary>What a generated file holds.</summary>
public enum GeneratedFileKind
{
    /// <summary>Not a kind.</summary>
    None = 0,

    /// <summary>A month of front-door consultations (CSV).</summary>
    Consultations,

    /// <summary>A month's Annex A return as a workbook, sheets <c>List 1</c> … <c>List 11</c>.</summary>
    AnnexAWorkbook,

    /// <summary>One list of a month's Annex A return as CSV.</summary>
    AnnexAList,

    /// <summary>The partnership's localities (a copy of the reference data).</summary>
    Localities,

    /// <summary>The agencies (a copy of the reference data).</summary>
    Agencies,

    /// <summary>The run's manifest.</summary>
    Manifest,

    /// <summary>A month of the answer key (outside the inbox).</summary>
    AnswerKey,
}
