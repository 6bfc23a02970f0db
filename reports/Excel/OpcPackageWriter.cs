using System.IO.Compression;
using System.Xml;

namespace Warehouse.Reports.Excel;

/// <summary>
/// Writes an Open Packaging Conventions package (the zip inside every .xlsx) part by part, in one
/// pass. The Open XML SDK 2.x insists on opening packages read-write, which makes the zip layer
/// hold every part in memory until the end; writing the zip in create mode streams each part to
/// the output instead, so a sheet of a million rows costs no more memory than a sheet of ten.
/// Entry timestamps are fixed, so the same workbook gives the same bytes.
/// </summary>
internal sealed class OpcPackageWriter : IDisposable
{
    private static readonly DateTimeOffset FixedTimestamp = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly ZipArchive _zip;
    private readonly List<(string PartName, string ContentType)> _overrides = [];
    private readonly Dictionary<string, List<(string Id, string Type, string Target)>> _relationships = new(StringComparer.Ordinal);

    public OpcPackageWriter(Stream output)
    {
        _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
    }

    public static XmlWriterSettings XmlSettings { get; } = new()
    {
        Encoding = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        CloseOutput = false,
        NewLineHandling = NewLineHandling.Entitize,
    };

    /// <summary>Opens a part for writing; dispose the stream before creating the next part.</summary>
    /// <param name="partName">Absolute part name such as <c>/xl/workbook.xml</c>.</param>
    /// <param name="contentType">Its content type.</param>
    public Stream CreatePart(string partName, string contentType)
    {
        _overrides.Add((partName, contentType));
        return CreateEntry(partName);
    }

    /// <summary>Records a relationship from <paramref name="sourcePartName"/> ("/" for the package) to a target relative to the source's folder.</summary>
    public void AddRelationship(string sourcePartName, string id, string type, string target)
    {
        if (!_relationships.TryGetValue(sourcePartName, out var list))
        {
            list = [];
            _relationships.Add(sourcePartName, list);
        }

        list.Add((id, type, target));
    }

    /// <summary>Writes the relationship parts and the content types; the package is complete after this.</summary>
    public void Finish()
    {
        foreach (var (source, list) in _relationships)
        {
            using var stream = CreateEntry(RelationshipPartName(source));
            using var xml = XmlWriter.Create(stream, XmlSettings);
            xml.WriteStartDocument(true);
            xml.WriteStartElement("Relationships", "http://schemas.openxmlformats.org/package/2006/relationships");
            foreach (var (id, type, target) in list)
            {
                xml.WriteStartElement("Relationship", "http://schemas.openxmlformats.org/package/2006/relationships");
                xml.WriteAttributeString("Id", id);
                xml.WriteAttributeString("Type", type);
                xml.WriteAttributeString("Target", target);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        using (var stream = CreateEntry("/[Content_Types].xml"))
        using (var xml = XmlWriter.Create(stream, XmlSettings))
        {
            const string ns = "http://schemas.openxmlformats.org/package/2006/content-types";
            xml.WriteStartDocument(true);
            xml.WriteStartElement("Types", ns);
            xml.WriteStartElement("Default", ns);
            xml.WriteAttributeString("Extension", "rels");
            xml.WriteAttributeString("ContentType", "application/vnd.openxmlformats-package.relationships+xml");
            xml.WriteEndElement();
            xml.WriteStartElement("Default", ns);
            xml.WriteAttributeString("Extension", "xml");
            xml.WriteAttributeString("ContentType", "application/xml");
            xml.WriteEndElement();
            foreach (var (partName, contentType) in _overrides)
            {
                xml.WriteStartElement("Override", ns);
                xml.WriteAttributeString("PartName", partName);
                xml.WriteAttributeString("ContentType", contentType);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

    }

    public void Dispose()
    {
        // An unfinished package is not a workbook; the caller's atomic write discards it.
        _zip.Dispose();
    }

    private static string RelationshipPartName(string sourcePartName)
    {
        if (sourcePartName == "/")
        {
            return "/_rels/.rels";
        }

        var slash = sourcePartName.LastIndexOf('/');
        return sourcePartName[..(slash + 1)] + "_rels/" + sourcePartName[(slash + 1)..] + ".rels";
    }

    private Stream CreateEntry(string partName)
    {
        var entry = _zip.CreateEntry(partName.TrimStart('/'), CompressionLevel.Optimal);
        entry.LastWriteTime = FixedTimestamp;
        return entry.Open();
    }
}
