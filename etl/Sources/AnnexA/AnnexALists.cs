using System.Text.RegularExpressions;
using static Warehouse.Etl.Sources.AnnexA.AnnexAColumns;

namespace Warehouse.Etl.Sources.AnnexA;

/// <summary>
/// Lists 1–7 of the Ofsted ILACS Annex A return, as the warehouse reads them. Lists 8–11 are
/// skipped with a note and never count towards a reject threshold.
/// </summary>
internal static partial class AnnexALists
{

    private static Dictionary<string, IReadOnlyList<string>> With(params (string Field, string[] Headers)[] specific)
    {
        var fields = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            [ChildId] = ["child unique id"],
            [Gender] = ["gender"],
            [Ethnicity] = ["ethnicity"],
            [DateOfBirth] = ["date of birth"],
        };
        foreach (var (field, headers) in specific) fields[field] = headers;
        return fields;
    }

    internal static readonly IReadOnlyList<AnnexAList> All =
    [
        new(1, "Contacts", "contact", With(
            (KeyDate, ["date of contact"]),
            (Source, ["contact source"]))),
        new(2, "Early help", "early_help_assessment", With(
            (KeyDate, ["assessment start date", "early help assessment start date", "date of early help assessment start", "date early help assessment started"]),
            (EndDate, ["assessment completion date", "early help assessment completion date", "date of early help assessment completion", "date early help assessment completed"]))),
        new(3, "Referrals", "referral", With(
            (KeyDate, ["date of referral"]),
            (Source, ["referral source"]),
            (Nfa, ["referral nfa?", "referral nfa"]))),
        new(4, "Assessments", "assessment", With(
            (KeyDate, ["continuous assessment start date", "assessment start date (continuous)"]),
            (EndDate, ["continuous assessment date of authorisation", "date of authorisation"]),
            (RequiresSupport, ["was the child assessed as requiring la children's social care support?", "was the child assessed as requiring la children’s social care support?"]))),
        new(5, "Section 47 enquiries and ICPCs", "section47", With(
            (KeyDate, ["strategy discussion initiating section 47 enquiry start date", "section 47 enquiry start date"]),
            (SecondDate, ["date of initial child protection conference"]))),
        new(6, "Children in need", "cin", With(
            (KeyDate, ["cin start date"]),
            (EndDate, ["cin closure date"]))),
        new(7, "Child protection", "cp_plan", With(
            (KeyDate, ["child protection plan start date"]),
            (EndDate, ["child protection plan end date"]))),
    ];

    internal static AnnexAList? ByNumber(int number) => All.FirstOrDefault(l => l.Number == number);

    /// <summary>The list a sheet holds, from its name ("List 1", "List_3 - Referrals", "list 10"…); lists 8–11 give a number but no definition.</summary>
    internal static (int Number, AnnexAList? List)? FromSheetName(string sheetName)
    {
        var match = SheetName().Match(sheetName);
        if (!match.Success) return null;
        var number = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        return number is >= 1 and <= 11 ? (number, ByNumber(number)) : null;
    }

    /// <summary>The list a CSV holds, from its key-date column.</summary>
    internal static AnnexAList? FromHeader(IEnumerable<string> header)
    {
        var names = header.Select(Normalise).ToHashSet(StringComparer.Ordinal);
        // List 4's key date contains List 2's, so the most specific match wins.
        return All.Where(l => l.KeyDateHeaders.Any(names.Contains))
                  .OrderByDescending(l => l.KeyDateHeaders.Where(names.Contains).Max(h => h.Length))
                  .FirstOrDefault();
    }

    /// <summary>For each staged field, the position of its column in a header (−1 when absent).</summary>
    internal static int[] MapColumns(AnnexAList list, IReadOnlyList<string> header)
    {
        var normalised = header.Select(Normalise).ToList();
        var positions = new int[Staged.Count];
        for (var f = 0; f < Staged.Count; f++)
        {
            positions[f] = list.Fields.TryGetValue(Staged[f], out var names)
                ? normalised.FindIndex(names.Contains)
                : -1;
        }
        return positions;
    }

    [GeneratedRegex(@"^\s*list\s*_?\s*(\d{1,2})\b", RegexOptions.IgnoreCase)]
    private static partial Regex SheetName();
}
