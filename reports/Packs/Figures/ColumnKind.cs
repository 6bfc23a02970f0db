namespace Warehouse.Reports.Packs.Figures;

/// <summary>How a pack table column is formatted.</summary>
internal enum ColumnKind
{
    Text,
    Count,
    Percent,
    Per10000,
    Kappa,
    WorkingDays,
}
