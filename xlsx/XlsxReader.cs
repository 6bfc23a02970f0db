using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace Warehouse.Xlsx;

/// <summary>
/// Reads workbooks row by row (SAX, never a whole sheet in memory) for the ETL and the audit
/// import. Checks the zip before reading anything: a file that is not a workbook, is truncated,
/// or would inflate past the limits is refused with an <see cref="XlsxReadException"/> naming it.
/// </summary>
public sealed partial class XlsxReader : IDisposable
{
    private const string OfficeDocumentType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
    private const string StrictOfficeDocumentType = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument";

    private readonly ZipArchive _zip;
    private readonly Dictionary<string, ZipArchiveEntry> _entries;
    private readonly XlsxReaderOptions _options;
    private readonly List<(string Name, string PartName)> _sheets;
    private readonly string? _sharedStringsPart;
    private readonly string? _stylesPart;
    private readonly bool _date1904;
    private List<string>? _sharedStrings;
    private bool[]? _dateStyles;

    private XlsxReader(ZipArchive zip, string fileName, XlsxReaderOptions options)
    {
        _zip = zip;
        _options = options;
        FileName = fileName;
        _entries = CheckEntries(zip, fileName, options);

        var workbookPart = Relationships("/").FirstOrDefault(r => r.Type is OfficeDocumentType or StrictOfficeDocumentType).Target
            ?? throw Invalid("it has no workbook part (is it a Word or PowerPoint file?)");
        var workbookRelationships = Relationships(workbookPart);
        (_sheets, _date1904) = ReadWorkbook(workbookPart, workbookRelationships);
        _sharedStringsPart = workbookRelationships.FirstOrDefault(r => r.Type.EndsWith("/sharedStrings", StringComparison.Ordinal)).Target;
        _stylesPart = workbookRelationships.FirstOrDefault(r => r.Type.EndsWith("/styles", StringComparison.Ordinal)).Target;
    }

    /// <summary>The file name used in error messages.</summary>
    public string FileName { get; }

    /// <summary>Sheet names in tab order.</summary>
    public IReadOnlyList<string> SheetNames => _sheets.Select(s => s.Name).ToArray();

    /// <summary>Opens a workbook file for reading.</summary>
    /// <exception cref="XlsxReadException">The file is not a workbook, is truncated or exceeds the limits.</exception>
    public static XlsxReader Open(string path, XlsxReaderOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var stream = File.OpenRead(path);
        try
        {
            return Open(stream, Path.GetFileName(path), options);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Opens a workbook from a seekable stream, which the reader then owns.</summary>
    public static XlsxReader Open(Stream stream, string fileName, XlsxReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false);
        }
        catch (InvalidDataException e)
        {
            stream.Dispose();
            throw new XlsxReadException($"'{fileName}' is not a valid .xlsx workbook: it is not a zip archive, or it is truncated or corrupt ({e.Message})", e);
        }

        try
        {
            return new XlsxReader(zip, fileName, options ?? XlsxReaderOptions.Default);
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    public void Dispose() => _zip.Dispose();

    private static Dictionary<string, ZipArchiveEntry> CheckEntries(ZipArchive zip, string fileName, XlsxReaderOptions options)
    {
        var entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.OrdinalIgnoreCase);
        long total = 0;
        try
        {
            foreach (var entry in zip.Entries)
            {
                if (entries.Count >= options.MaxEntries)
                {
                    throw new XlsxReadException($"'{fileName}' is refused: it has more than {options.MaxEntries} zip entries.");
                }

                // Declared sizes first: a zip bomb is refused before a byte is inflated.
                if (entry.Length > options.MaxPartBytes)
                {
                    throw new XlsxReadException(string.Create(CultureInfo.InvariantCulture, $"'{fileName}' is refused: part '{entry.FullName}' would inflate to {entry.Length:N0} bytes, over the limit of {options.MaxPartBytes:N0} (a zip bomb or an oversized sheet)."));
                }

                total += entry.Length;
                if (total > options.MaxTotalBytes)
                {
                    throw new XlsxReadException(string.Create(CultureInfo.InvariantCulture, $"'{fileName}' is refused: its parts would inflate to more than {options.MaxTotalBytes:N0} bytes in total (a zip bomb or an oversized workbook)."));
                }

                entries["/" + entry.FullName.TrimStart('/')] = entry;
            }
        }
        catch (InvalidDataException e)
        {
            throw new XlsxReadException($"'{fileName}' is not a valid .xlsx workbook: its zip directory is corrupt ({e.Message})", e);
        }

        return entries;
    }

    /// <summary>Opens a part for reading, bounded by the part limit whatever its header claims.</summary>
    private LimitedReadStream OpenPart(string partName)
    {
        if (!_entries.TryGetValue(partName, out var entry))
        {
            throw Invalid($"part '{partName}' is missing");
        }

        try
        {
            return new LimitedReadStream(entry.Open(), _options.MaxPartBytes,
                () => string.Create(CultureInfo.InvariantCulture, $"'{FileName}' is refused: part '{partName}' inflates past the limit of {_options.MaxPartBytes:N0} bytes (a zip bomb)."));
        }
        catch (InvalidDataException e)
        {
            throw new XlsxReadException($"'{FileName}' is not a valid .xlsx workbook: part '{partName}' is corrupt ({e.Message})", e);
        }
    }

    private XlsxReadException Invalid(string why) => new($"'{FileName}' is not a valid .xlsx workbook: {why}.");

    private static XmlReaderSettings XmlSettings { get; } = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
    };

    /// <summary>The relationships of a part ("/" for the package), targets resolved to absolute part names.</summary>
    private List<(string Id, string Type, string Target)> Relationships(string sourcePartName)
    {
        var slash = sourcePartName.LastIndexOf('/');
        var folder = sourcePartName[..(slash + 1)];
        var relsPart = sourcePartName == "/" ? "/_rels/.rels" : folder + "_rels/" + sourcePartName[(slash + 1)..] + ".rels";
        var list = new List<(string, string, string)>();
        if (!_entries.ContainsKey(relsPart))
        {
            return list;
        }

        ReadXml(relsPart, xml =>
        {
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship" &&
                    xml.GetAttribute("TargetMode") != "External")
                {
                    var id = xml.GetAttribute("Id") ?? string.Empty;
                    var type = xml.GetAttribute("Type") ?? string.Empty;
                    var target = xml.GetAttribute("Target") ?? string.Empty;
                    list.Add((id, type, ResolvePartName(folder, target)));
                }
            }
        });
        return list;
    }

    private (List<(string Name, string PartName)> Sheets, bool Date1904) ReadWorkbook(string workbookPart, List<(string Id, string Type, string Target)> relationships)
    {
        var sheets = new List<(string, string)>();
        var date1904 = false;
        ReadXml(workbookPart, xml =>
        {
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (xml.LocalName == "workbookPr")
                {
                    date1904 = xml.GetAttribute("date1904") is "1" or "true";
                }
                else if (xml.LocalName == "sheet")
                {
                    var name = xml.GetAttribute("name") ?? throw Invalid("a sheet has no name");
                    var id = xml.GetAttribute("id", "http://schemas.openxmlformats.org/officeDocument/2006/relationships")
                        ?? xml.GetAttribute("id", "http://purl.oclc.org/ooxml/officeDocument/relationships");
                    var target = relationships.FirstOrDefault(r => r.Id == id).Target;
                    // Chart sheets and dialog sheets have no rows; list only worksheets.
                    if (target is not null && relationships.First(r => r.Id == id).Type.EndsWith("/worksheet", StringComparison.Ordinal))
                    {
                        sheets.Add((name, target));
                    }
                }
            }
        });
        return (sheets, date1904);
    }

    private void ReadXml(string partName, Action<XmlReader> read) => ReadXml(partName, XmlSettings, read);

    private void ReadXml(string partName, XmlReaderSettings settings, Action<XmlReader> read)
    {
        try
        {
            using var stream = OpenPart(partName);
            using var xml = XmlReader.Create(stream, settings);
            read(xml);
        }
        catch (XmlException e)
        {
            throw new XlsxReadException($"'{FileName}' is not a valid .xlsx workbook: part '{partName}' is not well-formed XML ({e.Message})", e);
        }
        catch (InvalidDataException e)
        {
            throw new XlsxReadException($"'{FileName}' is not a valid .xlsx workbook: part '{partName}' is corrupt ({e.Message})", e);
        }
    }

    private static string ResolvePartName(string folder, string target)
    {
        var path = target.StartsWith('/') ? target : folder + target;
        var parts = new List<string>();
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (segment != ".")
            {
                parts.Add(Uri.UnescapeDataString(segment));
            }
        }

        return "/" + string.Join('/', parts);
    }
}
