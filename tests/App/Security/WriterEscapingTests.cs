using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Xml.Linq;
using Warehouse.App.Cli;

namespace Warehouse.App.Tests.Security;

/// <summary>
/// Every writer keeps hostile text from the data as text: CSV files neutralise what a spreadsheet
/// would run, workbooks hold no formula, HTML and SVG escape markup. The hostile values came in
/// through the ordinary doors (localities file, team column, commentary, a query the analyst typed),
/// so these tests prove the real path, not just each writer on its own.
/// </summary>
[Trait("Category", "Security")]
[Collection(SecurityRunDefinition.Name)]
public sealed class WriterEscapingTests(SecurityRun run)
{
    private string PackFolder => Path.Combine(run.Cli.Settings.OutputFolder, "warwickshire", "2026-05");

    [Fact]
    public void Every_pack_csv_neutralises_text_a_spreadsheet_would_run()
    {
        var values = Directory.GetFiles(PackFolder, "*.csv", SearchOption.AllDirectories)
            .SelectMany(f => CsvFields.Of(File.ReadAllText(f)).Select(v => (File: Path.GetFileName(f), Value: v))).ToList();

        Assert.DoesNotContain(values, v => Hostile.LeadsLikeAFormula(v.Value) && !IsNumber(v.Value));
        // The hostile names did reach these files, behind the apostrophe that keeps them text.
        var texts = values.Select(v => v.Value).ToHashSet(StringComparer.Ordinal);
        foreach (var name in new[] { Hostile.Formula, Hostile.Plus, Hostile.Minus, Hostile.At })
        {
            Assert.Contains("'" + name, texts);
        }
        Assert.Contains(texts, t => t.StartsWith('\'') && t.EndsWith("=1+1 Warwick", StringComparison.Ordinal));
    }

    [Fact]
    public void No_workbook_holds_a_formula_and_hostile_text_is_a_plain_string()
    {
        var workbooks = Directory.GetFiles(run.Cli.Settings.OutputFolder, "*.xlsx", SearchOption.AllDirectories);
        var pack = Assert.Single(workbooks, w => w.EndsWith("pack-warwickshire-2026-05.xlsx", StringComparison.Ordinal));
        Assert.Single(workbooks, w => w.EndsWith("qa-warwickshire-2026-05.xlsx", StringComparison.Ordinal));
        var audit = Directory.GetFiles(run.AuditFolder, "*.xlsx", SearchOption.AllDirectories);
        Assert.Equal(2, audit.Length);

        // The generator's messy Annex A returns carry formulas: the probe finds them there.
        Assert.NotEmpty(Directory.GetFiles(run.Cli.Settings.Inbox, "annex-a-*.xlsx", SearchOption.AllDirectories).SelectMany(Formulas));

        Assert.All(workbooks, workbook => Assert.Empty(Formulas(workbook)));
        Assert.All(workbooks, workbook =>
        {
            using var zip = ZipFile.OpenRead(workbook);
            Assert.DoesNotContain(zip.Entries, e => e.FullName.StartsWith("xl/externalLinks/", StringComparison.Ordinal));
        });
        var packText = Strings(pack);
        foreach (var text in new[] { Hostile.Formula, Hostile.Plus, Hostile.Minus, Hostile.At, Hostile.Script })
        {
            Assert.Contains(text, packText);
        }
    }

    [Fact]
    public void Briefings_show_markup_from_the_data_as_text()
    {
        var pages = Directory.GetFiles(Path.Combine(PackFolder, "briefings"), "*.html");
        Assert.Equal(5, pages.Length);

        foreach (var page in pages)
        {
            var html = File.ReadAllText(page);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("]]></text>", html, StringComparison.Ordinal);
        }
        // Nuneaton's name is on its page, encoded: a reader sees the characters, a browser runs nothing.
        Assert.Contains(Hostile.Plus, WebUtility.HtmlDecode(File.ReadAllText(Path.Combine(PackFolder, "briefings", "NUN.html"))), StringComparison.Ordinal);
    }

    [Fact]
    public void Chart_labels_are_escaped_so_every_svg_is_well_formed_and_rendered()
    {
        var charts = Directory.GetFiles(Path.Combine(PackFolder, "charts"), "*.svg");
        Assert.NotEmpty(charts);

        foreach (var chart in charts)
        {
            var svg = XDocument.Load(chart); // throws on a label that broke the XML
            Assert.DoesNotContain(svg.Descendants(), e => e.Name.LocalName is "script" or "foreignObject");
            Assert.DoesNotContain(svg.Descendants().Attributes(), a => a.Name.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase) || a.Name.LocalName == "href");
            // librsvg parsed it too: the PNG beside it was drawn.
            Assert.True(new FileInfo(Path.ChangeExtension(chart, ".png")).Length > 0, $"{chart} has no PNG");
        }
        var labels = string.Join('\n', XDocument.Load(Path.Combine(PackFolder, "charts", "agreement-by-locality.svg")).Descendants()
            .Where(e => e.Name.LocalName == "text").Select(e => e.Value));
        Assert.Contains(Hostile.Minus, labels, StringComparison.Ordinal);
        Assert.Contains(Hostile.Plus, labels, StringComparison.Ordinal);
    }

    [Fact]
    public void Sql_csv_output_neutralises_text_from_the_data()
    {
        var localities = CsvFields.Of(run.LocalitiesCsv.Out);
        var planted = CsvFields.Of(run.PlantedCsv.Out);

        Assert.Contains("'" + Hostile.Formula, localities);
        Assert.Contains("'" + Hostile.Hyperlink, planted); // a consultation id
        Assert.Contains("'@SUM(1)", planted); // a team
        Assert.DoesNotContain(localities.Concat(planted), v => Hostile.LeadsLikeAFormula(v) && !IsNumber(v));
    }

    [Fact]
    public void The_access_log_as_csv_neutralises_a_query_typed_as_a_formula()
    {
        var values = CsvFields.Of(run.LogCsv.Out);

        Assert.Contains("'" + SecurityRun.FormulaQuery, values);
        Assert.DoesNotContain(values, v => Hostile.LeadsLikeAFormula(v) && !IsNumber(v));
    }

    [Fact]
    public void Every_exported_csv_neutralises_text_from_the_data()
    {
        var settings = run.Cli.Settings;
        var exports = Directory.GetFiles(settings.OutputFolder, "*.csv").Concat(Directory.GetFiles(settings.RestrictedOutputFolder, "*.csv")).ToList();
        var values = exports.ToDictionary(f => Path.GetFileName(f)!, f => CsvFields.Of(File.ReadAllText(f)), StringComparer.Ordinal);

        Assert.Contains("'" + Hostile.Formula, values["dim.locality.csv"]);
        Assert.Contains("'" + Hostile.Hyperlink, values["fact.consultation.csv"]);
        Assert.Contains("'@SUM(1)", values["fact.consultation.csv"]); // a team
        Assert.DoesNotContain(values.SelectMany(f => f.Value.Select(v => (File: f.Key, Value: v))), v => Hostile.LeadsLikeAFormula(v.Value) && !IsNumber(v.Value));
    }

    [Fact]
    public void An_auditor_reference_a_spreadsheet_would_run_is_refused_before_any_workbook_is_written()
    {
        Assert.Equal(ExitCodes.BadUsage, run.RefusedAuditor.ExitCode);
        Assert.Contains("'=1+1' is not an auditor reference", run.RefusedAuditor.Error, StringComparison.Ordinal);
        // Only the first audit's folder: the refused one wrote nothing.
        Assert.Single(Directory.GetDirectories(run.AuditFolder));
    }

    /// <summary>A machine-written number such as -0.031: text that merely starts with '-' is not one.</summary>
    private static bool IsNumber(string value) => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    /// <summary>Every cell formula in a workbook's worksheets, as "part: formula".</summary>
    private static List<string> Formulas(string workbook)
    {
        using var zip = ZipFile.OpenRead(workbook);
        var formulas = new List<string>();
        foreach (var sheet in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            using var stream = sheet.Open();
            formulas.AddRange(XDocument.Load(stream).Descendants().Where(e => e.Name.LocalName == "f").Select(f => $"{Path.GetFileName(workbook)}!{sheet.FullName}: {f.Value}"));
        }
        return formulas;
    }

    /// <summary>Every string a workbook holds: shared strings and inline strings of every part.</summary>
    private static List<string> Strings(string workbook)
    {
        using var zip = ZipFile.OpenRead(workbook);
        var strings = new List<string>();
        foreach (var part in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            using var stream = part.Open();
            strings.AddRange(XDocument.Load(stream).Descendants().Where(e => e.Name.LocalName == "si" || e.Name.LocalName == "is").Select(e => e.Value));
        }
        return strings;
    }
}
