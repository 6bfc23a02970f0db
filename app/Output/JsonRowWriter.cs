using System.Buffers;
using System.Collections;
using System.Numerics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Warehouse.App.Output;

/// <summary>
/// A JSON array of objects, one per row and one row per line, keyed by column name; numbers stay
/// numbers, lists become arrays. Rows are written as they come, so a large result streams.
/// </summary>
internal sealed class JsonRowWriter(TextWriter writer) : IRowWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly ArrayBufferWriter<byte> buffer = new();
    private IReadOnlyList<OutputColumn> columns = [];
    private bool first = true;

    public void Begin(IReadOnlyList<OutputColumn> columns)
    {
        this.columns = columns;
        writer.Write('[');
    }

    public void Row(IReadOnlyList<object?> values)
    {
        buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            for (var i = 0; i < values.Count; i++)
            {
                json.WritePropertyName(columns[i].Name);
                WriteValue(json, values[i], columns[i].TypeName);
            }
            json.WriteEndObject();
        }
        writer.Write(first ? "\n" : ",\n");
        writer.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        first = false;
    }

    public void End()
    {
        writer.Write(first ? "]\n" : "\n]\n");
        writer.Flush();
    }

    private static void WriteValue(Utf8JsonWriter output, object? value, string typeName)
    {
        switch (value)
        {
            case null or DBNull: output.WriteNullValue(); break;
            case bool b: output.WriteBooleanValue(b); break;
            case byte or sbyte or short or ushort or int or uint or long:
                output.WriteNumberValue(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)); break;
            case ulong u: output.WriteNumberValue(u); break;
            case decimal m: output.WriteNumberValue(m); break;
            case double d when double.IsFinite(d): output.WriteNumberValue(d); break;
            case float f when float.IsFinite(f): output.WriteNumberValue(f); break;
            case BigInteger or Int128 or UInt128: output.WriteRawValue(ValueText.Format(value, typeName)); break;
            case string s: output.WriteStringValue(s); break;
            case IEnumerable items when value is not byte[]:
                output.WriteStartArray();
                foreach (var item in items) WriteValue(output, item, string.Empty);
                output.WriteEndArray();
                break;
            default: output.WriteStringValue(ValueText.Format(value, typeName)); break;
        }
    }
}
