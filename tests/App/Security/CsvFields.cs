using System.Text;

namespace Warehouse.App.Tests.Security;

/// <summary>Reads the fields of RFC 4180 CSV text as a spreadsheet would see them (quotes removed).</summary>
internal static class CsvFields
{
    internal static List<string> Of(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"') field.Append(text[++i]);
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == ',' || c == '\n') End();
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') continue;
            else field.Append(c);
        }
        if (field.Length > 0) End();
        return fields;

        void End()
        {
            fields.Add(field.ToString());
            field.Clear();
        }
    }
}
