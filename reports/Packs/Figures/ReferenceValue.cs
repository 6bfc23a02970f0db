namespace Warehouse.Reports.Packs.Figures;

/// <summary>
/// A published reference figure that is not about the partnership's children, e.g. the England value
/// from the national statistics: shown as given, outside disclosure control.
/// </summary>
internal sealed record ReferenceValue(double Value, FigureUnit Unit, int Decimals) : PackValue;
