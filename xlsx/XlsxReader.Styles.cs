using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Warehouse.Xlsx;

public sealed partial class XlsxReader
{
    /// <summary>What one string costs besides its characters: the object header, length and list slot.</summary>
    private const long SharedStringOverheadBytes = 32;

    /// <summary>The shared string table, read once, on first use.</summary>
    private List<string> SharedStringTable()
    {
        if (_sharedStrings is not null)
        {
            return _sharedStrings;
        }

        var strings = new List<string>();
        if (_sharedStringsPart is not null)
        {
            // The whole table is held while the sheets are read: its size in memory, not only the
            // part's, is limited (a part of tiny strings takes several times its size as objects).
            // Read with a plain XmlReader, not element by element: a table may hold millions of items.
            long memory = 0;
            ReadXml(_sharedStringsPart, SharedStringsXmlSettings, xml =>
            {
                var text = new System.Text.StringBuilder();
                var chunk = new char[8192];
                while (xml.Read())
                {
                    if (xml.NodeType != System.Xml.XmlNodeType.Element || xml.LocalName != "si")
                    {
                        continue;
                    }

                    // Checked while the text is read, so one enormous string is stopped as it grows.
                    void Check(long characters)
                    {
                        if (memory + SharedStringOverheadBytes + (2L * characters) > _options.MaxSharedStringsMemoryBytes)
                        {
                            throw new XlsxReadException(string.Create(CultureInfo.InvariantCulture,
                                $"'{FileName}' is refused: its shared strings (part '{_sharedStringsPart}') would take more than {_options.MaxSharedStringsMemoryBytes:N0} bytes of memory ({strings.Count:N0} strings read so far); a workbook that large must be split, and one built to exhaust memory is refused."));
                        }
                    }

                    ReadItem(xml, text, chunk, Check);
                    Check(text.Length);
                    memory += SharedStringOverheadBytes + (2L * text.Length);
                    strings.Add(XmlStrings.Unescape(text.ToString()));
                }
            });
        }

        return _sharedStrings = strings;
    }

    private static readonly System.Xml.XmlReaderSettings SharedStringsXmlSettings = new()
    {
        DtdProcessing = System.Xml.DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = false,
    };

    /// <summary>
    /// Reads the string item the reader is on (<c>&lt;si&gt;</c>) into <paramref name="text"/>, as
    /// <see cref="ItemText"/> gives it: its own <c>&lt;t&gt;</c>, else its rich-text runs' joined; phonetic
    /// guides left out. The text is read in chunks, each passed to <paramref name="check"/> as it
    /// grows. Leaves the reader on the item's end tag.
    /// </summary>
    private static void ReadItem(System.Xml.XmlReader xml, System.Text.StringBuilder text, char[] chunk, Action<long> check)
    {
        text.Clear();
        if (xml.IsEmptyElement)
        {
            return;
        }

        var depth = xml.Depth;
        var plain = false;
        xml.Read();
        while (xml.Depth > depth)
        {
            if (xml.NodeType == System.Xml.XmlNodeType.Element && xml.Depth == depth + 1)
            {
                if (xml.LocalName == "t" && !plain)
                {
                    // An item's own text wins over any runs beside it.
                    plain = true;
                    text.Clear();
                    ReadText(xml, text, chunk, check);
                }
                else if (xml.LocalName == "r" && !plain)
                {
                    ReadRunText(xml, text, chunk, check);
                }
                else
                {
                    xml.Skip();
                }

                continue;
            }

            if (!xml.Read())
            {
                return;
            }
        }
    }

    /// <summary>Appends the text of the run the reader is on (<c>&lt;r&gt;</c>): its first <c>&lt;t&gt;</c>. Moves past the run.</summary>
    private static void ReadRunText(System.Xml.XmlReader xml, System.Text.StringBuilder text, char[] chunk, Action<long> check)
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return;
        }

        var depth = xml.Depth;
        var found = false;
        xml.Read();
        while (xml.Depth > depth)
        {
            if (xml.NodeType == System.Xml.XmlNodeType.Element && xml.Depth == depth + 1)
            {
                if (xml.LocalName == "t" && !found)
                {
                    found = true;
                    ReadText(xml, text, chunk, check);
                }
                else
                {
                    xml.Skip();
                }

                continue;
            }

            if (!xml.Read())
            {
                return;
            }
        }

        xml.Read();
    }

    /// <summary>Appends the content of the <c>&lt;t&gt;</c> the reader is on, chunk by chunk. Moves past it.</summary>
    private static void ReadText(System.Xml.XmlReader xml, System.Text.StringBuilder text, char[] chunk, Action<long> check)
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return;
        }

        var depth = xml.Depth;
        xml.Read();
        while (xml.Depth > depth)
        {
            if (xml.NodeType is System.Xml.XmlNodeType.Text or System.Xml.XmlNodeType.CDATA
                or System.Xml.XmlNodeType.Whitespace or System.Xml.XmlNodeType.SignificantWhitespace)
            {
                int read;
                while ((read = xml.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                {
                    text.Append(chunk, 0, read);
                    check(text.Length);
                }
            }

            if (!xml.Read())
            {
                return;
            }
        }

        xml.Read();
    }

    /// <summary>For each cell format index, whether it shows numbers as dates.</summary>
    private bool[] DateStyles()
    {
        if (_dateStyles is not null)
        {
            return _dateStyles;
        }

        var customFormats = new Dictionary<uint, string>();
        var styles = new List<bool>();
        if (_stylesPart is not null)
        {
            ReadPart(_stylesPart, reader =>
            {
                var inCellFormats = false;
                while (reader.Read())
                {
                    if (reader.ElementType == typeof(NumberingFormat) && reader.IsStartElement)
                    {
                        var format = (NumberingFormat)reader.LoadCurrentElement()!;
                        if (format.NumberFormatId?.Value is { } id && format.FormatCode?.Value is { } code)
                        {
                            customFormats[id] = code;
                        }
                    }
                    else if (reader.ElementType == typeof(CellFormats))
                    {
                        inCellFormats = reader.IsStartElement;
                    }
                    else if (inCellFormats && reader.ElementType == typeof(CellFormat) && reader.IsStartElement)
                    {
                        var id = reader.Attributes.FirstOrDefault(a => a.LocalName == "numFmtId").Value;
                        var numberFormatId = uint.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
                        styles.Add(customFormats.TryGetValue(numberFormatId, out var code)
                            ? DateFormats.IsDateFormat(code)
                            : DateFormats.IsBuiltInDateFormat(numberFormatId));
                    }
                }
            });
        }

        return _dateStyles = [.. styles];
    }

    /// <summary>The text of a string item (an inline string): plain, or rich-text runs joined; phonetic guides left out.</summary>
    private static string ItemText(OpenXmlCompositeElement item)
    {
        if (item.GetFirstChild<Text>() is { } text)
        {
            return XmlStrings.Unescape(text.Text);
        }

        var builder = new System.Text.StringBuilder();
        foreach (var run in item.Elements<Run>())
        {
            if (run.Text is { } runText)
            {
                builder.Append(runText.Text);
            }
        }

        return XmlStrings.Unescape(builder.ToString());
    }

    private static TypedOpenXmlPartReader CreatePartReader(Stream stream) =>
        new(stream, new OpenXmlPartReaderOptions { IgnoreWhitespace = false, CloseStream = false });

    private void ReadPart(string partName, Action<OpenXmlReader> read)
    {
        try
        {
            using var stream = OpenPart(partName);
            using var reader = CreatePartReader(stream);
            read(reader);
        }
        catch (System.Xml.XmlException e)
        {
            throw new XlsxReadException($"'{FileName}' is not a valid .xlsx workbook: part '{partName}' is not well-formed XML ({e.Message})", e);
        }
        catch (InvalidDataException e)
        {
            throw new XlsxReadException($"'{FileName}' is not a valid .xlsx workbook: part '{partName}' is corrupt ({e.Message})", e);
        }
    }
}
