namespace Warehouse.Synthetic.Xlsx;

/// <summary>
/// A workbook's shared string table. Only vocabulary goes here (labels, teams, names: a bounded set); identifiers
/// are written inline, so a sheet of a million children does not hold a million strings in memory.
/// </summary>
internal sealed class SharedStrings
{
    private readonly Dictionary<string, int> indexes = new(StringComparer.Ordinal);
    private readonly List<string> strings = [];

    public long References { get; private set; }

    public int Count => strings.Count;

    public int IndexOf(string value)
    {
        References++;
        if (!indexes.TryGetValue(value, out var index))
        {
            index = strings.Count;
            indexes.Add(value, index);
            strings.Add(value);
        }

        return index;
    }

    public void WriteTo(TextWriter writer)
    {
        writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"");
        Invariant.Write(writer, References);
        writer.Write("\" uniqueCount=\"");
        Invariant.Write(writer, strings.Count);
        writer.Write("\">");
        foreach (var s in strings)
        {
            writer.Write("<si>");
            Xml.WriteText(writer, s);
            writer.Write("</si>");
        }

        writer.Write("</sst>");
    }
}
