using Warehouse.Analytics.Disclosure;

namespace Warehouse.Reports.Packs.Figures;

/// <summary>A figure's value or one of its confidence bounds, as disclosure control publishes it.</summary>
internal sealed record FigureValue(CellKey Key, FigurePart Part) : PackValue;
