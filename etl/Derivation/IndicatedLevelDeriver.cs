using System.Globalization;
using Warehouse.Frameworks;
using Warehouse.Store.DuckDb;

namespace Warehouse.Etl.Derivation;

/// <summary>
/// Runs the level engine over the consultations of the file being loaded (<c>staging.versioned</c>),
/// under the framework version in force on each consultation's date, and writes the indicated
/// level with the rule that decided it, whether it is borderline, and the indicators behind it
/// to <c>staging.indicated</c>, which the publish step joins. A prompt for reflection, never a
/// verdict: the seeds are not checklists.
/// </summary>
/// <remarks>
/// The indicated level depends only on the consultation's own indicators and framework version,
/// so it is computed once, as the row is loaded; the warehouse table is never updated for it
/// (DuckDB updates of wide rows with list columns cost far more than inserts).
/// </remarks>
internal static class IndicatedLevelDeriver
{
    /// <summary>
    /// Writes, for every row of staging.versioned with a framework version in force, staging.indicated
    /// (source_row, level, rule, borderline, behind); staging.unknown_indicators (source_row,
    /// framework_version, code) for each code the framework does not know, which the validation
    /// step turns into rejects; and staging.repeated_codes (source_row) for the rows whose list names
    /// a code twice. Codes are split and trimmed exactly as the publish step's SQL does (on ';',
    /// trimming only space separators, as DuckDB's trim), so both see the same codes.
    /// </summary>
    internal static void DeriveStaged(DuckDbConnection connection, PartnershipFrameworks frameworks)
    {
        connection.Execute("""
            CREATE OR REPLACE TABLE staging.indicated (source_row BIGINT, level INTEGER, rule VARCHAR, borderline BOOLEAN, behind VARCHAR);
            CREATE OR REPLACE TABLE staging.unknown_indicators (source_row BIGINT, framework_version VARCHAR, code VARCHAR);
            CREATE OR REPLACE TABLE staging.repeated_codes (source_row BIGINT)
            """);
        var byVersion = frameworks.Versions.ToDictionary(v => v.Version, StringComparer.Ordinal);
        using var appender = connection.CreateAppender("indicated", "main", "staging");
        using var unknown = connection.CreateAppender("unknown_indicators", "main", "staging");
        using var repeated = connection.CreateAppender("repeated_codes", "main", "staging");
        using var command = new DuckDbCommand("SELECT source_row, framework_version, indicators FROM staging.versioned WHERE framework_version IS NOT NULL", connection);
        using var reader = command.ExecuteReader();
        Span<int> ids = stackalloc int[256];
        Span<int> behind = stackalloc int[256];
        var codes = new List<string>();
        while (reader.Read())
        {
            var sourceRow = reader.GetInt64(0);
            var version = reader.GetString(1);
            var framework = byVersion[version];
            var n = 0;
            codes.Clear();
            if (!reader.IsDBNull(2))
            {
                foreach (var piece in reader.GetString(2).Split(';'))
                {
                    var code = TrimSpaceSeparators(piece);
                    if (code.Length == 0) continue;
                    // The framework trims every kind of white space itself; DuckDB's trim does not, so a
                    // code with, say, a tab at its edge is unknown here too.
                    if (code.AsSpan().Trim().Length == code.Length && framework.TryGetIndicator(code, out var indicator))
                    {
                        if (n < ids.Length) ids[n++] = indicator.Id;
                    }
                    else
                    {
                        unknown.AppendRow(sourceRow, version, code);
                    }
                    codes.Add(code);
                }
                if (NamesACodeTwice(codes)) repeated.AppendRow(sourceRow);
            }
            var result = LevelEngine.Indicate(framework, ids[..n], behind[..n]);
            string? behindCodes = null;
            if (result.BehindCount > 0)
            {
                var behindList = new string[result.BehindCount];
                for (var i = 0; i < behindList.Length; i++) behindList[i] = framework.Indicators[behind[i]].Code;
                behindCodes = string.Join(';', behindList);
            }
            appender.AppendValue(sourceRow).AppendValue(result.Level).AppendValue(result.RuleId)
                .AppendValue(result.IsBorderline).AppendValue(behindCodes);
            appender.EndRow();
        }
    }

    /// <summary>A code without the space separators at its ends (what DuckDB's <c>trim</c> removes).</summary>
    private static string TrimSpaceSeparators(string text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && char.GetUnicodeCategory(text[start]) == UnicodeCategory.SpaceSeparator) start++;
        while (end > start && char.GetUnicodeCategory(text[end - 1]) == UnicodeCategory.SpaceSeparator) end--;
        return start == 0 && end == text.Length ? text : text[start..end];
    }

    /// <summary>True when two codes of a list are the same text (as the publish step's DISTINCT compares them).</summary>
    private static bool NamesACodeTwice(List<string> codes)
    {
        for (var i = 1; i < codes.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (string.Equals(codes[i], codes[j], StringComparison.Ordinal)) return true;
            }
        }
        return false;
    }
}
