namespace Warehouse.Reports.Charts;

/// <summary>A matrix of counts, e.g. the 4×4 agreement matrix (rows: reference level, columns: compared level).</summary>
internal sealed record HeatMapSpec(
    ChartLabels Labels,
    IReadOnlyList<string> RowLabels,
    IReadOnlyList<string> ColumnLabels,
    IReadOnlyList<IReadOnlyList<HeatMapCell>> Cells)
{
    public string RowAxisTitle { get; init; } = "Rows";

    public string ColumnAxisTitle { get; init; } = "Columns";

    /// <summary>Outline the diagonal (agreement) cells.</summary>
    public bool OutlineDiagonal { get; init; } = true;

    public ChartSize Size { get; init; } = ChartSize.Default;
}
