using System.Globalization;
using System.Text;
using System.Xml;

namespace Warehouse.Reports.Charts;

/// <summary>
/// Writes SVG elements with invariant, fixed-precision numbers and escaped text, so the same chart
/// always gives the same bytes. Text is real <c>&lt;text&gt;</c>, never outlines.
/// </summary>
internal sealed class SvgWriter : IDisposable
{
    public const string FontFamily = "Arial, 'DejaVu Sans', 'Liberation Sans', sans-serif";

    private readonly StringBuilder _buffer = new();
    private readonly XmlWriter _xml;

    public SvgWriter(double width, double height, string titleId, string descriptionId)
    {
        _xml = XmlWriter.Create(_buffer, new XmlWriterSettings
        {
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            OmitXmlDeclaration = false,
            Encoding = Encoding.UTF8,
        });
        _xml.WriteStartDocument();
        _xml.WriteStartElement("svg", "http://www.w3.org/2000/svg");
        Attribute("width", width);
        Attribute("height", height);
        _xml.WriteAttributeString("viewBox", "0 0 " + Number(width) + " " + Number(height));
        _xml.WriteAttributeString("role", "img");
        _xml.WriteAttributeString("aria-labelledby", titleId + " " + descriptionId);
        _xml.WriteAttributeString("font-family", FontFamily);
    }

    /// <summary>A coordinate or length: at most two decimals, no exponent, invariant culture.</summary>
    public static string Number(double value)
    {
        var rounded = Math.Round(value, 2, MidpointRounding.AwayFromZero);
        return (rounded == 0 ? 0 : rounded).ToString("0.##", CultureInfo.InvariantCulture);
    }

    public void TitleAndDescription(string titleId, string title, string descriptionId, string description)
    {
        _xml.WriteStartElement("title");
        _xml.WriteAttributeString("id", titleId);
        _xml.WriteString(title);
        _xml.WriteEndElement();
        _xml.WriteStartElement("desc");
        _xml.WriteAttributeString("id", descriptionId);
        _xml.WriteString(description);
        _xml.WriteEndElement();
    }

    /// <summary>Starts a group; <paramref name="label"/> names it for assistive technology, null hides decoration from it.</summary>
    public void StartGroup(string className, string? label = null)
    {
        _xml.WriteStartElement("g");
        _xml.WriteAttributeString("class", className);
        if (label is null)
        {
            _xml.WriteAttributeString("aria-hidden", "true");
        }
        else
        {
            _xml.WriteAttributeString("aria-label", label);
        }
    }

    public void EndGroup() => _xml.WriteEndElement();

    public void Rect(double x, double y, double width, double height, string fill, string? stroke = null, double strokeWidth = 1, string? label = null)
    {
        _xml.WriteStartElement("rect");
        Attribute("x", x);
        Attribute("y", y);
        Attribute("width", Math.Max(0, width));
        Attribute("height", Math.Max(0, height));
        _xml.WriteAttributeString("fill", fill);
        if (stroke is not null)
        {
            _xml.WriteAttributeString("stroke", stroke);
            Attribute("stroke-width", strokeWidth);
        }

        Label(label);
        _xml.WriteEndElement();
    }

    public void Line(double x1, double y1, double x2, double y2, string stroke, double strokeWidth = 1, string? dash = null)
    {
        _xml.WriteStartElement("line");
        Attribute("x1", x1);
        Attribute("y1", y1);
        Attribute("x2", x2);
        Attribute("y2", y2);
        _xml.WriteAttributeString("stroke", stroke);
        Attribute("stroke-width", strokeWidth);
        if (dash is not null)
        {
            _xml.WriteAttributeString("stroke-dasharray", dash);
        }

        _xml.WriteEndElement();
    }

    public void Polyline(IReadOnlyList<(double X, double Y)> points, string stroke, double strokeWidth = 2, string? dash = null)
    {
        _xml.WriteStartElement("polyline");
        _xml.WriteAttributeString("points", string.Join(" ", points.Select(p => Number(p.X) + "," + Number(p.Y))));
        _xml.WriteAttributeString("fill", "none");
        _xml.WriteAttributeString("stroke", stroke);
        Attribute("stroke-width", strokeWidth);
        _xml.WriteAttributeString("stroke-linejoin", "round");
        if (dash is not null)
        {
            _xml.WriteAttributeString("stroke-dasharray", dash);
        }

        _xml.WriteEndElement();
    }

    public void Marker(MarkerShape shape, double x, double y, double size, string fill, string? label = null)
    {
        var r = size / 2;
        switch (shape)
        {
            case MarkerShape.Circle:
                _xml.WriteStartElement("circle");
                Attribute("cx", x);
                Attribute("cy", y);
                Attribute("r", r);
                break;
            case MarkerShape.Diamond:
                _xml.WriteStartElement("path");
                _xml.WriteAttributeString("d", $"M{Number(x)},{Number(y - r - 1)} L{Number(x + r + 1)},{Number(y)} L{Number(x)},{Number(y + r + 1)} L{Number(x - r - 1)},{Number(y)} Z");
                break;
            case MarkerShape.TriangleUp:
                _xml.WriteStartElement("path");
                _xml.WriteAttributeString("d", $"M{Number(x)},{Number(y - r - 1)} L{Number(x + r + 1)},{Number(y + r)} L{Number(x - r - 1)},{Number(y + r)} Z");
                break;
            default:
                _xml.WriteStartElement("path");
                _xml.WriteAttributeString("d", $"M{Number(x)},{Number(y + r + 1)} L{Number(x + r + 1)},{Number(y - r)} L{Number(x - r - 1)},{Number(y - r)} Z");
                break;
        }

        _xml.WriteAttributeString("fill", fill);
        _xml.WriteAttributeString("stroke", Palette.Background);
        Attribute("stroke-width", 1);
        Label(label);
        _xml.WriteEndElement();
    }

    /// <summary>Real text; <c>anchor</c> is start, middle or end.</summary>
    public void Text(double x, double y, string text, double size, string anchor = "start", bool bold = false, string fill = Palette.Text, double? rotate = null)
    {
        _xml.WriteStartElement("text");
        Attribute("x", x);
        Attribute("y", y);
        Attribute("font-size", size);
        if (anchor != "start")
        {
            _xml.WriteAttributeString("text-anchor", anchor);
        }

        if (bold)
        {
            _xml.WriteAttributeString("font-weight", "bold");
        }

        _xml.WriteAttributeString("fill", fill);
        if (rotate is { } angle)
        {
            _xml.WriteAttributeString("transform", $"rotate({Number(angle)} {Number(x)} {Number(y)})");
        }

        _xml.WriteString(text);
        _xml.WriteEndElement();
    }

    /// <summary>The finished document.</summary>
    public string Finish()
    {
        _xml.WriteEndElement();
        _xml.WriteEndDocument();
        _xml.Flush();
        // StringBuilder output declares utf-16; the file is UTF-8.
        return _buffer.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal) + "\n";
    }

    public void Dispose() => _xml.Dispose();

    private void Attribute(string name, double value) => _xml.WriteAttributeString(name, Number(value));

    private void Label(string? label)
    {
        if (label is not null)
        {
            _xml.WriteAttributeString("aria-label", label);
        }
    }
}
