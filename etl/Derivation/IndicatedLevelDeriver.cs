using Warehouse.Frameworks;
using Warehouse.Store.DuckDb;

namespace Warehouse.Etl.Derivation;

/// <summary>
/// Runs the level engine over the consultations of the file being loaded (<c>staging.final</c>),
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
    internal static long DeriveStaged(DuckDbConnection connection, PartnershipFrameworks frameworks)
    {
        connection.Execute("CREATE OR REPLACE TABLE staging.indicated (consultation_id VARCHAR, level INTEGER, rule VARCHAR, borderline BOOLEAN, behind VARCHAR)");
        var byVersion = frameworks.Versions.ToDictionary(v => v.Version, StringComparer.Ordinal);
        long count = 0;
        using var appender = connection.CreateAppender("indicated", "main", "staging");
        using var command = new DuckDbCommand("SELECT consultation_id, framework_version, indicators FROM staging.final", connection);
        using var reader = command.ExecuteReader();
        Span<int> ids = stackalloc int[256];
        Span<int> behind = stackalloc int[256];
        while (reader.Read())
        {
            var framework = byVersion[reader.GetString(1)];
            var n = 0;
            if (!reader.IsDBNull(2))
            {
                foreach (var code in reader.GetString(2).Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    // Unknown codes never get here: validation rejected their rows.
                    if (n < ids.Length && framework.TryGetIndicator(code, out var indicator)) ids[n++] = indicator.Id;
                }
            }
            var result = LevelEngine.Indicate(framework, ids[..n], behind[..n]);
            string? behindCodes = null;
            if (result.BehindCount > 0)
            {
                var codes = new string[result.BehindCount];
                for (var i = 0; i < codes.Length; i++) codes[i] = framework.Indicators[behind[i]].Code;
                behindCodes = string.Join(';', codes);
            }
            appender.AppendValue(reader.GetString(0)).AppendValue(result.Level).AppendValue(result.RuleId)
                .AppendValue(result.IsBorderline).AppendValue(behindCodes);
            appender.EndRow();
            count++;
        }
        return count;
    }
}
