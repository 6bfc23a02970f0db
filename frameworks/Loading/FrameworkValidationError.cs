namespace Warehouse.Frameworks;

/// <summary>One problem found in a framework file, naming the file and the entry.</summary>
/// <param name="File">The file (a path, or <c>embedded:</c> and the shipped file's path).</param>
/// <param name="Entry">The entry, e.g. <c>indicator WAR-FH-DAP-03</c>, <c>level #2</c> or a JSON path.</param>
/// <param name="Message">What is wrong, in words a partnership analyst can act on.</param>
public sealed record FrameworkValidationError(string File, string Entry, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}: {Entry}: {Message}";
}
