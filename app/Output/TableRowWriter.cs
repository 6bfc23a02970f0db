using System.Globalization;
using Spectre.Console;

namespace Warehouse.App.Output;

/// <summary>
/// A table for people. Shows at most <paramref name="maxRows"/> rows (a table of millions helps
/// no one) and says how many more there were; CSV and JSON have no such cap.
/// </summary>
internal sealed class TableRowWriter(IAnsiConsole console, TextWriter notes, int maxRows) : IRowWriter
{
    private readonly Table table = new() { Border = TableBorder.Rounded };
    private IReadOnlyList<OutputColumn> columns = [];
    private long rows;

    public void Begin(IReadOnlyList<OutputColumn> columns)
    {
        this.columns = columns;
        foreach (var column in columns) table.AddColumn(new TableColumn(new Text(column.Name)) { NoWrap = false });
    }

    public void Row(IReadOnlyList<object?> values)
    {
        rows++;
        if (rows > maxRows) return;
        table.AddRow(values.Select((value, i) => (Spectre.Console.Rendering.IRenderable)new Text(ValueText.Format(value, columns[i].TypeName))));
    }

    public void End()
    {
        if (columns.Count > 0) console.Write(table);
        if (rows > maxRows)
            notes.WriteLine($"Showing the first {maxRows.ToString(CultureInfo.InvariantCulture)} of {rows.ToString(CultureInfo.InvariantCulture)} rows; use --format csv or json for all of them.");
    }
}
