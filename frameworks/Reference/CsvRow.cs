namespace Warehouse.Frameworks;

/// <summary>One CSV record and its row number as a person sees it (header = row 1).</summary>
internal sealed record CsvRow(int Row, IReadOnlyList<string> Fields)
{
    /// <summary>The trimmed field at the index, or empty when the row is short.</summary>
    public string this[int index] => index >= 0 && index < Fields.Count ? Fields[index].Trim() : string.Empty;
}
