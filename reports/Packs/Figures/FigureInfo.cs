namespace Warehouse.Reports.Packs.Figures;

/// <summary>A figure shown somewhere in the pack: its identity, unit, and any flag that goes with its value.</summary>
/// <param name="Id">What it is.</param>
/// <param name="Unit">How it is measured.</param>
/// <param name="Flag">A funnel flag or the comparison with England; shown only when the figure itself is.</param>
internal sealed record FigureInfo(FigureId Id, FigureUnit Unit, string? Flag);
