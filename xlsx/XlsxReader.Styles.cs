using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Warehouse.Xlsx;

public sealed partial class XlsxReader
{
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
            ReadPart(_sharedStringsPart, reader =>
            {
                while (reader.Read())
                {
                    if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
                    {
                        strings.Add(ItemText((SharedStringItem)reader.LoadCurrentElement()!));
                    }
                }
            });
        }

        return _sharedStrings = strings;
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

    /// <summary>The text of a string item: plain, or rich-text runs joined; phonetic guides left out.</summary>
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
