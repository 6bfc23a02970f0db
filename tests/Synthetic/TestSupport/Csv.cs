using System.Text;

namespace Warehouse.Synthetic.Tests.TestSupport;

/// <summary>A strict RFC 4180 reader (quoted fields, doubled quotes, CRLF or LF), written for the tests.</summary>
public static class Csv
{
    public sealed record Table(IReadOnlyList<string> Header, IReadOnlyList<string[]> Rows, bool ByteOrderMark)
    {
        /// <summary>The column of a name, matched case-insensitively after trimming; -1 when absent.</summary>
        public int Column(string name)
        {
            for (var i = 0; i < Header.Count; i++)
            {
                if (string.Equals(Header[i].Trim(), name, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }

            return -1;
        }
    }

    public static Table Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, bom ? 3 : 0, bytes.Length - (bom ? 3 : 0));
        var records = Parse(text);
        if (records.Count == 0)
        {
            throw new InvalidDataException($"{path} is empty.");
        }

        var header = records[0];
        for (var i = 1; i < records.Count; i++)
        {
            if (records[i].Length != header.Length)
            {
                throw new InvalidDataException($"{path} record {i + 1} has {records[i].Length} fields, the header {header.Length}.");
            }
        }

        return new Table(header, records.Skip(1).ToList(), bom);
    }

    public static List<string[]> Parse(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        var atRecordStart = true;
        while (i < text.Length)
        {
            atRecordStart = false;
            var c = text[i];
            if (c == '"' && field.Length == 0)
            {
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new InvalidDataException("Unterminated quoted field.");
                    }

                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    field.Append(text[i++]);
                }

                if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                {
                    throw new InvalidDataException($"Text after a closing quote at {i}.");
                }

                continue;
            }

            if (c == '"')
            {
                throw new InvalidDataException($"A quote inside an unquoted field at {i}.");
            }

            if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                i++;
                continue;
            }

            if (c is '\r' or '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                atRecordStart = true;
                continue;
            }

            field.Append(c);
            i++;
        }

        if (!atRecordStart)
        {
            fields.Add(field.ToString());
            records.Add([.. fields]);
        }

        return records;
    }
}
