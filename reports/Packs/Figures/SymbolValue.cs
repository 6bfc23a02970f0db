namespace Warehouse.Reports.Packs.Figures;

/// <summary>A GSS symbol with no figure behind it, e.g. <c>[z]</c> for a share that does not apply to a row.</summary>
internal sealed record SymbolValue(string Symbol) : PackValue;
