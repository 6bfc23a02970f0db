using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

using Warehouse.Xlsx;

namespace Warehouse.Reports.Excel;

/// <summary>The workbook's shared string table, filled as sheets stream and written last.</summary>
internal sealed class SharedStrings
{
    private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);
    private readonly List<string> _strings = [];
    private int _references;

    public int Count => _strings.Count;

    public int Index(string text)
    {
        _references++;
        if (!_indexes.TryGetValue(text, out var index))
        {
            index = _strings.Count;
            _strings.Add(text);
            _indexes.Add(text, index);
        }

        return index;
    }

    public void WriteTo(Stream stream)
    {
        using var writer = OpenXmlWriter.Create(stream);
        writer.WriteStartDocument(true);
        writer.WriteStartElement(new SharedStringTable(), [
            new OpenXmlAttribute("count", string.Empty, XmlStrings.Number(_references)),
            new OpenXmlAttribute("uniqueCount", string.Empty, XmlStrings.Number(_strings.Count)),
        ]);
        foreach (var text in _strings)
        {
            writer.WriteStartElement(new SharedStringItem());
            WriteText(writer, text);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    /// <summary>A <c>&lt;t&gt;</c> element, keeping leading and trailing spaces.</summary>
    public static void WriteText(OpenXmlWriter writer, string text)
    {
        var escaped = XmlStrings.Escape(text);
        var preserve = escaped.Length > 0 && (char.IsWhiteSpace(escaped[0]) || char.IsWhiteSpace(escaped[^1]));
        if (preserve)
        {
            writer.WriteStartElement(new Text(), [new OpenXmlAttribute("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve")]);
        }
        else
        {
            writer.WriteStartElement(new Text());
        }

        writer.WriteString(escaped);
        writer.WriteEndElement();
    }
}
