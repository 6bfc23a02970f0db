namespace Warehouse.App.Tests.Security;

/// <summary>
/// Values from source data, reference data and people that a careless writer would turn into a
/// formula, markup or broken XML. They enter through the same doors real data does: the
/// partnership's localities file, the team column of a consultations file, the analyst's commentary.
/// </summary>
internal static class Hostile
{
    /// <summary>The classic DDE payload: a spreadsheet that runs it starts a program.</summary>
    internal const string Formula = "=cmd|' /C calc'!A0";

    internal const string Plus = "+1 Nuneaton <script>alert('NUN')</script>";

    /// <summary>Leads like a formula, and would close an SVG text element and a CDATA section.</summary>
    internal const string Minus = "-1+1 Rugby & \"Dunchurch\" ]]></text>";

    internal const string At = "@SUM(1) Stratford";

    /// <summary>A tab-led formula (some readers drop the tab and run the rest).</summary>
    internal const string Tab = "\t=1+1 Warwick";

    internal const string Script = "<script>alert('team')</script>";

    /// <summary>A consultation id, quoted and comma'd, that a spreadsheet would turn into a link.</summary>
    internal const string Hyperlink = "=HYPERLINK(\"http://evil.example\",\"x\")";

    /// <summary>The Warwickshire localities under hostile names (codes, areas and populations as shipped).</summary>
    internal static readonly IReadOnlyDictionary<string, string> LocalityNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["NWA"] = Formula,
        ["NUN"] = Plus,
        ["RUG"] = Minus,
        ["STR"] = At,
        ["WAR"] = Tab,
    };

    /// <summary>Front-door team names, one per planted consultation in turn.</summary>
    internal static readonly IReadOnlyList<string> Teams = [Formula, "+1 Team", "-1+1", "@SUM(1)", "\t=1+1", Script];

    /// <summary>Text a spreadsheet would read as a formula: led by a character of OWASP's list, with something after it (a lone '-' is only a dash).</summary>
    internal static bool LeadsLikeAFormula(string text) => text.Length > 1 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>A field for a CSV file: quoted, quotes doubled.</summary>
    internal static string Quoted(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
