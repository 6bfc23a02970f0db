using System.Globalization;
using System.Xml;

namespace Warehouse.Reports.Excel;

internal static partial class XlsxWriter
{
    private static void WriteDocumentProperties(OpcPackageWriter package, WorkbookModel workbook)
    {
        const string cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
        const string dc = "http://purl.org/dc/elements/1.1/";
        const string dcterms = "http://purl.org/dc/terms/";
        const string xsi = "http://www.w3.org/2001/XMLSchema-instance";

        using (var stream = package.CreatePart("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"))
        using (var xml = XmlWriter.Create(stream, OpcPackageWriter.XmlSettings))
        {
            xml.WriteStartDocument(true);
            xml.WriteStartElement("cp", "coreProperties", cp);
            xml.WriteAttributeString("xmlns", "dc", null, dc);
            xml.WriteAttributeString("xmlns", "dcterms", null, dcterms);
            xml.WriteAttributeString("xmlns", "xsi", null, xsi);
            xml.WriteElementString("dc", "title", dc, workbook.Title);
            if (workbook.Subject is { } subject)
            {
                xml.WriteElementString("dc", "subject", dc, subject);
            }

            xml.WriteElementString("dc", "creator", dc, workbook.Creator);
            if (workbook.Keywords is { } keywords)
            {
                xml.WriteElementString("cp", "keywords", cp, keywords);
            }

            xml.WriteElementString("dc", "language", dc, workbook.Language);
            xml.WriteElementString("cp", "lastModifiedBy", cp, workbook.Creator);
            if (workbook.Created is { } created)
            {
                foreach (var name in new[] { "created", "modified" })
                {
                    xml.WriteStartElement("dcterms", name, dcterms);
                    xml.WriteAttributeString("xsi", "type", xsi, "dcterms:W3CDTF");
                    xml.WriteString(created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                    xml.WriteEndElement();
                }
            }

            xml.WriteEndElement();
        }

        using (var stream = package.CreatePart("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"))
        using (var xml = XmlWriter.Create(stream, OpcPackageWriter.XmlSettings))
        {
            xml.WriteStartDocument(true);
            xml.WriteStartElement("Properties", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");
            xml.WriteElementString("Application", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties", "Warehouse");
            xml.WriteEndElement();
        }

        package.AddRelationship("/", "rIdCore", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml");
        package.AddRelationship("/", "rIdApp", OfficeRelationships + "extended-properties", "docProps/app.xml");
    }
}
