using Spectre.Console;

namespace Warehouse.App.Output;

/// <summary>Picks the writer for a format.</summary>
internal static class RowWriters
{
    /// <summary>The most rows a table shows.</summary>
    internal const int TableRowLimit = 10_000;

    internal static IRowWriter For(OutputFormat format, IAnsiConsole console, TextWriter output, TextWriter notes) => format switch
    {
        OutputFormat.Csv => new CsvRowWriter(output),
        OutputFormat.Json => new JsonRowWriter(output),
        _ => new TableRowWriter(console, notes, TableRowLimit),
    };
}
