using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Warehouse.App.Tests.Reliability;

/// <summary>
/// What a complete output looks like, kind by kind, so that a test can say of every file in an
/// output folder that it is whole: an xlsx is a zip whose every XML part parses, a CSV has whole
/// records and ends with its line break, an SVG parses as XML, a PNG ends with its IEND chunk, an
/// HTML briefing ends with its closing tag.
/// </summary>
internal static partial class OutputFiles
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] PngEnd = [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82];

    /// <summary>Every file under <paramref name="folder"/> (hidden ones too), by path relative to it.</summary>
    internal static IReadOnlyList<string> All(string folder) =>
        Directory.Exists(folder)
            ? [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).Order(StringComparer.Ordinal)]
            : [];

    /// <summary>A temporary file of an atomic write (<c>.&lt;name&gt;.&lt;32 hex&gt;.tmp</c>), which a killed writer leaves behind.</summary>
    internal static bool IsTemporary(string path) => TemporaryName().IsMatch(Path.GetFileName(path));

    /// <summary>Asserts that every output under <paramref name="folder"/> is whole; returns how many of each kind there were.</summary>
    internal static IReadOnlyDictionary<string, int> AssertAllComplete(string folder)
    {
        var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var relative in All(folder).Where(f => !IsTemporary(f)))
        {
            var path = Path.Combine(folder, relative);
            var kind = Path.GetExtension(path).ToLowerInvariant();
            try
            {
                AssertComplete(path, kind);
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                Assert.Fail($"{relative} is not a complete {kind} file: {e.Message}");
            }
            kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
        }
        return kinds;
    }

    private static void AssertComplete(string path, string kind)
    {
        switch (kind)
        {
            case ".xlsx":
                using (var zip = ZipFile.OpenRead(path))
                {
                    Assert.Contains(zip.Entries, e => e.FullName == "[Content_Types].xml");
                    Assert.Contains(zip.Entries, e => e.FullName == "xl/workbook.xml");
                    foreach (var part in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal) || e.FullName.EndsWith(".rels", StringComparison.Ordinal)))
                    {
                        using var stream = part.Open();
                        XDocument.Load(stream);
                    }
                }
                break;
            case ".csv":
                AssertCompleteCsv(path);
                break;
            case ".svg":
                Assert.Equal("svg", XDocument.Load(path).Root?.Name.LocalName);
                break;
            case ".png":
                var png = File.ReadAllBytes(path);
                Assert.True(png.AsSpan().StartsWith(PngSignature), $"{path} does not start as a PNG");
                Assert.True(png.AsSpan().EndsWith(PngEnd), $"{path} does not end with the IEND chunk");
                break;
            case ".html":
                var html = File.ReadAllText(path, Encoding.UTF8).TrimEnd();
                Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.OrdinalIgnoreCase);
                Assert.EndsWith("</html>", html, StringComparison.OrdinalIgnoreCase);
                break;
            default:
                Assert.Fail($"{path} is not a kind of output the pack writes.");
                break;
        }
    }

    /// <summary>RFC 4180: quotes balanced, every record as wide as the header, and the last one ended by its line break.</summary>
    private static void AssertCompleteCsv(string path)
    {
        var text = File.ReadAllText(path, Encoding.UTF8);
        Assert.True(text.EndsWith('\n'), $"{path} does not end with a line break");
        var widths = new List<int>();
        var fields = 1;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') i++;
                else if (c == '"') quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == ',') fields++;
            else if (c == '\n')
            {
                widths.Add(fields);
                fields = 1;
            }
        }
        Assert.False(quoted, $"{path} ends inside a quoted field");
        Assert.NotEmpty(widths);
        Assert.All(widths, w => Assert.Equal(widths[0], w));
    }

    [GeneratedRegex(@"^\..+\.[0-9a-f]{32}\.tmp$")]
    private static partial Regex TemporaryName();
}
