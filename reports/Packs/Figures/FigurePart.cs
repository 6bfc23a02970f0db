namespace Warehouse.Reports.Packs.Figures;

/// <summary>Which part of a published figure a table cell shows.</summary>
internal enum FigurePart
{
    Value,
    Lower,
    Upper,
}
