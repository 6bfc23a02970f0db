namespace Warehouse.Frameworks;

/// <summary>One problem in a reference CSV, naming the file, the row (header = row 1) and the field.</summary>
/// <param name="File">The file.</param>
/// <param name="Row">The row as a person sees it in a spreadsheet, or null for the whole file.</param>
/// <param name="Field">The column, or null for the whole row or file.</param>
/// <param name="Message">What is wrong.</param>
public sealed record ReferenceDataError(string File, int? Row, string? Field, string Message)
{
    /// <inheritdoc />
    public override string ToString() =>
        File + (Row is { } row ? $" row {row.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : string.Empty)
        + (Field is null ? string.Empty : $" {Field}") + ": " + Message;
}
