using System.Net;
using System.Text;

namespace Warehouse.Reports.Briefings;

/// <summary>Builds an HTML document as text; every piece of text is encoded, so data can never become markup.</summary>
internal sealed class HtmlText
{
    private readonly StringBuilder _html = new();

    public static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Markup written as is: only ever literals of this code and SVG the chart module wrote.</summary>
    public HtmlText Raw(string markup)
    {
        _html.Append(markup);
        return this;
    }

    public HtmlText Text(string text)
    {
        _html.Append(Encode(text));
        return this;
    }

    /// <summary>&lt;tag class="…"&gt;text&lt;/tag&gt;, the text encoded.</summary>
    public HtmlText Element(string tag, string text, string? cssClass = null)
    {
        _html.Append('<').Append(tag);
        if (cssClass is not null)
        {
            _html.Append(" class=\"").Append(Encode(cssClass)).Append('"');
        }

        _html.Append('>').Append(Encode(text)).Append("</").Append(tag).Append(">\n");
        return this;
    }

    public override string ToString() => _html.ToString();
}
