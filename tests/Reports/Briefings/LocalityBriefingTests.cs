using System.Text.RegularExpressions;
using System.Xml.Linq;
using Warehouse.Reports.Briefings;
using Warehouse.Reports.Tests.Packs;

namespace Warehouse.Reports.Tests.Briefings;

/// <summary>The locality briefings: one per locality, self-contained, accessible, printable on A4.</summary>
[Collection(SharedPack.Name)]
public sealed partial class LocalityBriefingTests(PackOutput pack)
{
    private string Briefing(string locality) => File.ReadAllText(Path.Combine(pack.Folder, "briefings", locality + ".html"));

    [Fact]
    public void EveryLocality_HasABriefing()
    {
        var names = Directory.GetFiles(Path.Combine(pack.Folder, "briefings"), "*.html").Select(Path.GetFileNameWithoutExtension).Order().ToList();

        Assert.Equal(["NUN", "NWA", "RUG", "STR", "WAR"], names);
    }

    [Fact]
    public void Briefing_IsSelfContained_WithNoScriptOrExternalResource()
    {
        var html = Briefing("RUG");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(ExternalReference().Matches(html));
        Assert.True(InlineSvg().Count(html) >= 4, "the charts are inline SVG");
    }

    [Fact]
    public void Briefing_ComparesTheLocality_WithThePartnershipAndItsPeers()
    {
        var html = Briefing("WAR");

        Assert.Contains("<h1>Warwick locality briefing: October 2026</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">Warwick</th><th scope=\"col\">Warwickshire (all)</th><th scope=\"col\">Other localities (lowest to highest shown)</th>", html, StringComparison.Ordinal);
        Assert.Contains("Warwick (this locality)", html, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"this\">", html, StringComparison.Ordinal);
        Assert.Contains("do not necessarily correlate with those applied within individual agencies", html, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryChart_IsFollowedByItsDataAsATable_AndHasATitleThatStatesTheFinding()
    {
        var html = Briefing("NUN");
        var sections = Regex.Matches(html, "<section class=\"chart\">(.*?)</section>", RegexOptions.Singleline);

        Assert.True(sections.Count >= 4);
        foreach (Match section in sections)
        {
            Assert.Contains("<table>", section.Value, StringComparison.Ordinal);
            Assert.Contains("<caption>", section.Value, StringComparison.Ordinal);
            var svg = XDocument.Parse(InlineSvg().Match(section.Value).Value);
            XNamespace ns = "http://www.w3.org/2000/svg";
            var title = svg.Root!.Element(ns + "title")!.Value;
            Assert.False(string.IsNullOrWhiteSpace(title));
            Assert.Contains("Source:", svg.Root.Element(ns + "desc")!.Value, StringComparison.Ordinal);
        }

        Assert.Contains("matrix", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Briefing_HasPrintStylesForA4()
    {
        var html = Briefing("STR");

        Assert.Contains("@page { size: A4 portrait;", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en-GB\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void HtmlText_EncodesEverythingThatIsNotMarkup()
    {
        var html = new HtmlText().Element("td", "<script>alert('x')</script> & \"quoted\"").ToString();

        Assert.Equal("<td>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;</td>\n", html);
    }

    [GeneratedRegex(@"(?:src|href)\s*=\s*""(?!#)", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();

    [GeneratedRegex("<svg.*?</svg>", RegexOptions.Singleline)]
    private static partial Regex InlineSvg();
}
