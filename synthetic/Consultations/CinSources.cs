namespace Warehouse.Synthetic.Consultations;

/// <summary>
/// CIN referral source codes as the Annex A template spells them (<c>q) 6: Police</c>): the letter is the code's
/// place in the template's list, which predates code 3F (written without a letter).
/// </summary>
internal static class CinSources
{
    private static readonly (string Code, string Label)[] Template =
    [
        ("1A", "Individual"), ("1B", "Individual"), ("1C", "Individual"), ("1D", "Individual"),
        ("2A", "Schools"), ("2B", "Education services"),
        ("3A", "Health services"), ("3B", "Health services"), ("3C", "Health services"), ("3D", "Health services"), ("3E", "Health services"),
        ("4", "Housing"),
        ("5A", "LA services"), ("5B", "LA services"), ("5C", "LA services"), ("5D", "LA services"),
        ("6", "Police"), ("7", "Other legal agency"), ("8", "Other"), ("9", "Anonymous"), ("10", "Unknown"),
    ];

    private static readonly Dictionary<string, string> Labels = BuildLabels();

    /// <summary>The template spelling of a code, e.g. <c>q) 6: Police</c>.</summary>
    public static string AnnexALabel(string code) =>
        Labels.TryGetValue(code, out var label) ? label : code == "3F" ? "3F: Health services" : code;

    private static Dictionary<string, string> BuildLabels()
    {
        var labels = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Template.Length; i++)
        {
            labels[Template[i].Code] = $"{(char)('a' + i)}) {Template[i].Code}: {Template[i].Label}";
        }

        return labels;
    }
}
