using System.Globalization;
using System.Security;
using System.Text;
using Warehouse.Xlsx;

namespace Warehouse.Etl.Tests.Malformed.Support;

/// <summary>
/// Builds a small .xlsx from raw SpreadsheetML, the way foreign programs write them: inline
/// strings, date-styled serial numbers, error cells, formulas with or without a saved result. Any
/// part can be left out, or replaced by one that inflates to far more than its file size.
/// </summary>
public sealed class TestWorkbook
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private readonly List<(string Name, List<string[]> Rows)> sheets = [];
    private readonly HashSet<string> omitted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Prefix, string Repeated, long Times, string Suffix, long? Declared)> repeated = new(StringComparer.Ordinal);
    private readonly List<string> sharedStrings = [];

    /// <summary>A sheet whose rows are lists of cells (see <see cref="Cell"/>), from row 1.</summary>
    public TestWorkbook Sheet(string name, params string[][] rows)
    {
        sheets.Add((name, [.. rows]));
        return this;
    }

    /// <summary>Adds a string to the shared string table; returns its index.</summary>
    public int Shared(string text)
    {
        sharedStrings.Add(text);
        return sharedStrings.Count - 1;
    }

    /// <summary>Leaves a part (e.g. "xl/worksheets/sheet1.xml") out of the zip, though the workbook still points to it.</summary>
    public TestWorkbook Without(string part)
    {
        omitted.Add(part);
        return this;
    }

    /// <summary>Replaces a part by prefix + repeated × times + suffix (deflated without being built).</summary>
    public TestWorkbook Repeated(string part, string prefix, string unit, long times, string suffix, long? declaredSize = null)
    {
        repeated[part] = (prefix, unit, times, suffix, declaredSize);
        return this;
    }

    public string Save(string path)
    {
        var zip = new TestZip();
        foreach (var (name, xml) in Parts())
        {
            if (omitted.Contains(name)) continue;
            if (repeated.TryGetValue(name, out var r)) zip.AddRepeated(name, r.Prefix, r.Repeated, r.Times, r.Suffix, r.Declared);
            else zip.Add(name, xml);
        }
        return zip.Save(path);
    }

    private IEnumerable<(string Name, string Xml)> Parts()
    {
        var overrides = new StringBuilder();
        for (var i = 1; i <= sheets.Count; i++)
            overrides.Append(CultureInfo.InvariantCulture, $"""<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>""");
        yield return ("[Content_Types].xml", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
            <Default Extension="xml" ContentType="application/xml"/>
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
            <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
            {overrides}</Types>
            """);
        yield return ("_rels/.rels", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId1" Type="{Relationships}/officeDocument" Target="xl/workbook.xml"/>
            </Relationships>
            """);
        var sheetList = string.Concat(sheets.Select((s, i) => $"""<sheet name="{SecurityElement.Escape(s.Name)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>"""));
        yield return ("xl/workbook.xml", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="{Main}" xmlns:r="{Relationships}"><sheets>{sheetList}</sheets></workbook>
            """);
        var sheetRels = string.Concat(sheets.Select((_, i) => $"""<Relationship Id="rId{i + 1}" Type="{Relationships}/worksheet" Target="worksheets/sheet{i + 1}.xml"/>"""));
        yield return ("xl/_rels/workbook.xml.rels", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{sheetRels}
            <Relationship Id="rIdStyles" Type="{Relationships}/styles" Target="styles.xml"/>
            <Relationship Id="rIdStrings" Type="{Relationships}/sharedStrings" Target="sharedStrings.xml"/>
            </Relationships>
            """);
        // Style 0: General; style 1: a built-in date format (14, d/m/yyyy in a UK locale).
        yield return ("xl/styles.xml", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="{Main}"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>
            <cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>
            """);
        yield return ("xl/sharedStrings.xml", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <sst xmlns="{Main}" count="{sharedStrings.Count}" uniqueCount="{sharedStrings.Count}">{string.Concat(sharedStrings.Select(t => $"<si><t>{SecurityElement.Escape(t)}</t></si>"))}</sst>
            """);
        for (var i = 0; i < sheets.Count; i++)
        {
            var rows = new StringBuilder();
            for (var r = 0; r < sheets[i].Rows.Count; r++)
            {
                rows.Append(CultureInfo.InvariantCulture, $"""<row r="{r + 1}">""");
                var cells = sheets[i].Rows[r];
                for (var c = 0; c < cells.Length; c++)
                {
                    if (cells[c].Length > 0) rows.Append(cells[c].Replace("<c", $"<c r=\"{CellReference.Of(c, r + 1)}\"", StringComparison.Ordinal));
                }
                rows.Append("</row>");
            }
            yield return ($"xl/worksheets/sheet{i + 1}.xml", $"""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <worksheet xmlns="{Main}" xmlns:r="{Relationships}"><sheetData>{rows}</sheetData></worksheet>
                """);
        }
    }

    /// <summary>The XML of a sheet part around its rows: for building a part of repeated rows.</summary>
    public const string SheetStart = $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{Main}"><sheetData>""";

    public const string SheetEnd = "</sheetData></worksheet>";

    public const string SharedStringsStart = $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="{Main}">""";

    public const string SharedStringsEnd = "</sst>";
}

/// <summary>Cells as SpreadsheetML writes them (the builder adds each cell's reference).</summary>
public static class Cell
{
    public static string Text(string text) => $"""<c t="inlineStr"><is><t>{SecurityElement.Escape(text)}</t></is></c>""";

    public static string SharedText(int index) => string.Create(CultureInfo.InvariantCulture, $"""<c t="s"><v>{index}</v></c>""");

    public static string Number(double value) => string.Create(CultureInfo.InvariantCulture, $"<c><v>{value}</v></c>");

    /// <summary>A date as Excel stores it: a serial number in a date format.</summary>
    public static string Date(double serial) => string.Create(CultureInfo.InvariantCulture, $"""<c s="1"><v>{serial}</v></c>""");

    public static string Error(string code) => $"""<c t="e"><v>{SecurityElement.Escape(code)}</v></c>""";

    /// <summary>A date formula with its saved result (what Excel writes).</summary>
    public static string DateFormula(string formula, double cached) =>
        string.Create(CultureInfo.InvariantCulture, $"""<c s="1"><f>{SecurityElement.Escape(formula)}</f><v>{cached}</v></c>""");

    /// <summary>A text formula with its saved result.</summary>
    public static string TextFormula(string formula, string cached) =>
        $"""<c t="str"><f>{SecurityElement.Escape(formula)}</f><v>{SecurityElement.Escape(cached)}</v></c>""";

    /// <summary>A formula whose result was never saved (what programs that cannot calculate write).</summary>
    public static string UncalculatedFormula(string formula, bool date = false) =>
        $"""<c{(date ? " s=\"1\"" : "")}><f>{SecurityElement.Escape(formula)}</f></c>""";

    public static string Blank => "";
}
