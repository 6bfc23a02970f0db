namespace Warehouse.Synthetic.Xlsx;

/// <summary>Escaping for the few places text goes into hand-written SpreadsheetML.</summary>
internal static class Xml
{
    private static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create("&<>\"");

    /// <summary>A <c>&lt;t&gt;</c> element, preserving spaces at either end.</summary>
    public static void WriteText(TextWriter writer, string value)
    {
        var preserve = value.Length > 0 && (value[0] == ' ' || value[^1] == ' ');
        writer.Write(preserve ? "<t xml:space=\"preserve\">" : "<t>");
        WriteEscaped(writer, value);
        writer.Write("</t>");
    }

    public static void WriteEscaped(TextWriter writer, ReadOnlySpan<char> value)
    {
        while (true)
        {
            var next = value.IndexOfAny(Special);
            if (next < 0)
            {
                writer.Write(value);
                return;
            }

            writer.Write(value[..next]);
            writer.Write(value[next] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => "&quot;",
            });
            value = value[(next + 1)..];
        }
    }
}
