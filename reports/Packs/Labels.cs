using System.Globalization;

namespace Warehouse.Reports.Packs;

/// <summary>The words a reader sees for the codes the analytics use.</summary>
internal static class Labels
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"September 2026".</summary>
    public static string Month(DateOnly month) => month.ToString("MMMM yyyy", English);

    /// <summary>"2026-09".</summary>
    public static string MonthCode(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", English);

    public static string Comparison(string comparison) => comparison switch
    {
        "caller_to_recommended" => "caller's level to recommended level",
        "recommended_to_actual" => "recommended level to actual level",
        "indicated_to_recommended" => "indicated level to recommended level",
        "audited_to_recommended" => "auditor's level to recommended level",
        "audited_to_actual" => "auditor's level to actual level",
        _ => comparison.Replace('_', ' '),
    };

    public static string Sector(string sector) => sector switch
    {
        "local_authority" => "Local authority",
        "unknown" => "Not in the reference data",
        _ => Capitalise(sector.Replace('_', ' ')),
    };

    public static string EqualityCharacteristic(string grouping) => grouping switch
    {
        "age_band" => "Age band",
        "sex" => "Sex",
        "ethnicity_group" => "Ethnicity",
        "disability" => "Disability",
        _ => Capitalise(grouping.Replace('_', ' ')),
    };

    public static string EqualityGroup(string grouping, string group) => (grouping, group) switch
    {
        ("sex", "M") => "Male",
        ("sex", "F") => "Female",
        ("sex", "U") => "Unknown or indeterminate",
        ("disability", "yes") => "Disabled",
        ("disability", "no") => "Not disabled",
        ("age_band", "16 and over") => "16 and over",
        ("age_band", "unborn") => "Unborn",
        ("age_band", "under 1") => "Under 1",
        (_, "not known") => "Not known",
        _ => group,
    };

    public static string Reason(string reason) => Capitalise(reason);

    public static string ActualSource(string source) => source switch
    {
        "recorded" => "Recorded",
        "annex_a" => "Annex A",
        "implied" => "Implied",
        "pending" => "Pending",
        "not derived" => "Not derived",
        _ => Capitalise(source.Replace('_', ' ')),
    };

    public static string FileKind(string kind) => Capitalise(kind.Replace('_', ' '));

    public static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>A number for running text, invariant: "1,234".</summary>
    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
