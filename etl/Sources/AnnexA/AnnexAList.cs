namespace Warehouse.Etl.Sources.AnnexA;

/// <summary>
/// One Annex A list: its number, the event it records, and the official column names (with the
/// spellings real returns use) for each field the warehouse takes.
/// </summary>
internal sealed record AnnexAList(int Number, string Name, string EventKind, IReadOnlyDictionary<string, IReadOnlyList<string>> Fields)
{
    /// <summary>The column holding the list's key date (a row without it cannot be used).</summary>
    public IReadOnlyList<string> KeyDateHeaders => Fields[AnnexAColumns.KeyDate];

    /// <summary>Lists 1–5 are events in the return's period; 6 and 7 are episodes that may start long before it.</summary>
    public bool IsPeriodEvent => Number <= 5;
}
