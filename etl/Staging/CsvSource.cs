namespace Warehouse.Etl.Staging;

/// <summary>A CSV file scanned and ready to be read: what a loader needs to read it in its own way.</summary>
/// <param name="ReadExpression">The <c>read_csv(…)</c> call that reads it, every column as VARCHAR, an empty value as NULL.</param>
/// <param name="Columns">The reader's column names (as <see cref="StagedCsv.Columns"/>).</param>
/// <param name="Header">The header's fields exactly as written (as <see cref="StagedCsv.Header"/>).</param>
/// <param name="MayHaveEdgeSpaces">False when the scan proved that no value begins or ends with a space, so none needs trimming.</param>
internal sealed record CsvSource(string ReadExpression, IReadOnlyList<string> Columns, IReadOnlyList<string> Header, bool MayHaveEdgeSpaces);
