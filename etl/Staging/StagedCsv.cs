namespace Warehouse.Etl.Staging;

/// <summary>A CSV read raw into staging: its header, row counts, and how to number its rows.</summary>
/// <param name="Table">The staging table (all VARCHAR, the file's own column names).</param>
/// <param name="Columns">The staged table's column names: the header as written, a blank name as "(no name, column U)", a repeated one as "locality (copy 2, column V)".</param>
/// <param name="RowsRead">Records read into the table.</param>
/// <param name="LinesRejected">Records the CSV reader itself could not read (wrong field count, not UTF-8, too long).</param>
/// <param name="FromClause">A FROM clause over the table (aliased <c>raw_rows</c>) that also exposes the row number.</param>
/// <param name="RowNumberExpression">The row number as Excel shows it (header = row 1), for use with <paramref name="FromClause"/>.</param>
/// <param name="Header">The header's fields exactly as written (a repeated name repeated), in the order of <paramref name="Columns"/>.</param>
internal sealed record StagedCsv(
    string Table,
    IReadOnlyList<string> Columns,
    long RowsRead,
    long LinesRejected,
    string FromClause,
    string RowNumberExpression,
    IReadOnlyList<string> Header);
