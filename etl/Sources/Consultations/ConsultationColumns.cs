namespace Warehouse.Etl.Sources.Consultations;

/// <summary>The columns of a front-door consultations file (CONTRACT.md section 1).</summary>
internal static class ConsultationColumns
{
    internal static readonly IReadOnlyList<string> Required =
        ["consultation_id", "child_id", "consultation_date", "locality", "caller_agency", "outcome"];

    internal static readonly IReadOnlyList<string> Optional =
        ["date_of_birth", "sex", "ethnicity", "disability", "decision_date", "contact_source", "consent", "caller_level",
         "indicators", "likelihood", "seriousness", "recommended_level", "actual_level", "team"];

    internal static IEnumerable<string> All => Required.Concat(Optional);

    /// <summary>How header names are matched: case-insensitively after trimming.</summary>
    internal static string Normalise(string header) => header.Trim().Trim('\uFEFF').ToLowerInvariant();
}
