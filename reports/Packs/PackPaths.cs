using System.Text;

namespace Warehouse.Reports.Packs;

/// <summary>
/// Where a month's outputs go:
/// <c>&lt;out&gt;/&lt;partnership&gt;/&lt;yyyy-mm&gt;/pack-&lt;partnership&gt;-&lt;yyyy-mm&gt;.xlsx</c>, <c>csv/*.csv</c>, <c>tidy.csv</c>,
/// <c>charts/*.svg|png</c>, <c>briefings/&lt;locality&gt;.html</c>; and, restricted,
/// <c>&lt;restricted&gt;/&lt;partnership&gt;/&lt;yyyy-mm&gt;/qa-&lt;partnership&gt;-&lt;yyyy-mm&gt;.xlsx</c>.
/// </summary>
internal sealed record PackPaths(string Folder, string RestrictedMonthFolder, string Partnership, string Month)
{
    public static PackPaths For(PackOptions options, string partnership, DateOnly month)
    {
        var code = Safe(partnership);
        var label = Labels.MonthCode(month);
        return new PackPaths(
            Path.Combine(Path.GetFullPath(options.OutputFolder), code, label),
            Path.Combine(Path.GetFullPath(options.RestrictedFolder), code, label),
            code,
            label);
    }

    public string Workbook => Path.Combine(Folder, $"pack-{Partnership}-{Month}.xlsx");

    public string CsvFolder => Path.Combine(Folder, "csv");

    public string Tidy => Path.Combine(Folder, "tidy.csv");

    public string ChartFolder => Path.Combine(Folder, "charts");

    public string BriefingFolder => Path.Combine(Folder, "briefings");

    public string QaWorkbook => Path.Combine(RestrictedMonthFolder, $"qa-{Partnership}-{Month}.xlsx");

    /// <summary>The previous month's tidy file, for the revised markers.</summary>
    public string PreviousTidy(PackOptions options, DateOnly month) =>
        Path.Combine(Path.GetFullPath(options.OutputFolder), Partnership, Labels.MonthCode(month.AddMonths(-1)), "tidy.csv");

    public string Csv(string tableId) => Path.Combine(CsvFolder, Safe(tableId) + ".csv");

    public string Briefing(string locality) => Path.Combine(BriefingFolder, Safe(locality) + ".html");

    /// <summary>
    /// A code as a file or folder name: letters, digits, '-' and '_' kept, anything else '_' (codes come
    /// from reference data, but a path must never be steered by data).
    /// </summary>
    public static string Safe(string code)
    {
        var name = new StringBuilder(code.Length);
        foreach (var c in code)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        }

        var text = name.ToString().Trim('_');
        return text.Length == 0 ? "unnamed" : text;
    }
}
