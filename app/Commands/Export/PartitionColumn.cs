namespace Warehouse.App.Commands.Export;

/// <summary>
/// One level of a partitioned export: the folder key (<c>name=value</c>), the SQL that gives its
/// value, and how the person wrote it (for messages and the access log).
/// </summary>
/// <param name="Name">The partition column, as it appears in folder names and to readers.</param>
/// <param name="Expression">SQL over the table's columns: a quoted column, or the month of a date.</param>
/// <param name="Spec">As given on the command line, normalised: <c>partnership</c>, <c>month(consultation_date)</c>.</param>
/// <param name="Derived">True when the column is computed for the export (a month), not a column of the table.</param>
internal sealed record PartitionColumn(string Name, string Expression, string Spec, bool Derived);
