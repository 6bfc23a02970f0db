namespace Warehouse.Reports.Excel;

/// <summary>Where a cell sits in the layout; decides its font and alignment.</summary>
internal enum CellRole
{
    Body,
    Symbol,
    Title,
    Description,
    Header,
    Link,
}
