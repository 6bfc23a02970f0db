namespace Warehouse.Reports.Packs.Figures;

/// <summary>One cell of a pack table before disclosure control: text, a part of a figure, or a figure's flag.</summary>
internal abstract record PackValue;
