namespace Warehouse.Reports.Packs.Figures;

/// <summary>A column of a pack table; the header states the unit (e.g. "Agreement (%)").</summary>
internal sealed record PackColumn(string Header, ColumnKind Kind)
{
    public static PackColumn Text(string header) => new(header, ColumnKind.Text);

    public static PackColumn Count(string header) => new(header, ColumnKind.Count);

    public static PackColumn Percent(string header) => new(header, ColumnKind.Percent);
}
