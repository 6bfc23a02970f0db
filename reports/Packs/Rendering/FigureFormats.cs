using Warehouse.Reports.Excel;
using Warehouse.Reports.Packs.Figures;

namespace Warehouse.Reports.Packs.Rendering;

/// <summary>Number formats of pack figures: as many decimals as disclosure control published, never more.</summary>
internal static class FigureFormats
{
    /// <summary>Percentages are published as numbers of per cent (12.3), so that the sheet, the CSV and the tidy file agree.</summary>
    public static NumberFormat Percent { get; } = NumberFormat.Custom("0.0");

    public static NumberFormat Of(FigureUnit unit) => unit switch
    {
        FigureUnit.Count => NumberFormat.Integer,
        FigureUnit.Percent => Percent,
        FigureUnit.Per10000 => NumberFormat.Decimal1,
        FigureUnit.Kappa => NumberFormat.Decimal2,
        FigureUnit.WorkingDays => NumberFormat.Decimal1,
        _ => NumberFormat.General,
    };

    public static NumberFormat Of(ColumnKind kind) => kind switch
    {
        ColumnKind.Text => NumberFormat.Text,
        ColumnKind.Count => NumberFormat.Integer,
        ColumnKind.Percent => Percent,
        ColumnKind.Per10000 => NumberFormat.Decimal1,
        ColumnKind.Kappa => NumberFormat.Decimal2,
        ColumnKind.WorkingDays => NumberFormat.Decimal1,
        _ => NumberFormat.General,
    };

    public static string UnitName(FigureUnit unit) => unit switch
    {
        FigureUnit.Count => "count",
        FigureUnit.Percent => "percent",
        FigureUnit.Per10000 => "per_10000",
        FigureUnit.Kappa => "kappa",
        FigureUnit.WorkingDays => "working_days",
        _ => unit.ToString().ToLowerInvariant(),
    };
}
