namespace Warehouse.Reports.Packs.Figures;

/// <summary>A label: written as text whatever it starts with (never a formula).</summary>
internal sealed record TextValue(string Text) : PackValue;
