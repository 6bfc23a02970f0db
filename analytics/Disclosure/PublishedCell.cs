namespace Warehouse.Analytics.Disclosure;

/// <summary>One cell after disclosure control.</summary>
/// <param name="Id">The cell's id, as given.</param>
/// <param name="Figure">The value or symbol to show.</param>
/// <param name="Lower">The interval's lower bound, when the cell had one; a symbol when the figure is hidden.</param>
/// <param name="Upper">The interval's upper bound, likewise.</param>
/// <param name="Reason">Why the figure is a symbol; null when a value is shown.</param>
internal sealed record PublishedCell(CellKey Id, PublishedFigure Figure, PublishedFigure? Lower, PublishedFigure? Upper, SuppressionReason? Reason);
