using System.Text.RegularExpressions;

namespace Warehouse.Etl.Sources.AnnexA;

/// <summary>The fields the warehouse takes from Annex A lists; every other column (names included) is dropped on read.</summary>
internal static partial class AnnexAColumns
{
    internal const string ChildId = "child_id";
    internal const string Gender = "gender";
    internal const string Ethnicity = "ethnicity";
    internal const string DateOfBirth = "date_of_birth";
    internal const string KeyDate = "key_date";
    internal const string EndDate = "end_date";
    internal const string SecondDate = "second_date";
    internal const string Source = "source";
    internal const string Nfa = "nfa";
    internal const string RequiresSupport = "requires_support";

    /// <summary>The staged columns, in the order of the staging table.</summary>
    internal static readonly IReadOnlyList<string> Staged =
        [ChildId, Gender, Ethnicity, DateOfBirth, KeyDate, EndDate, SecondDate, Source, Nfa, RequiresSupport];

    /// <summary>Header matching: case-insensitive, non-breaking spaces and runs of spaces as one space.</summary>
    internal static string Normalise(string header) =>
        Spaces().Replace(header.Replace('\u00A0', ' ').Trim().Trim('\uFEFF'), " ").ToLowerInvariant();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
