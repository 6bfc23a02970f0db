using Warehouse.Frameworks;
using Warehouse.Store.DuckDb;

namespace Warehouse.Etl.Derivation;

/// <summary>
/// Runs the level engine over every consultation of a partnership, under the framework version
/// in force on each consultation's date, and stores the indicated level with the rule that
/// decided it, whether it is borderline, and the indicators behind it. A prompt for reflection,
/// never a verdict: the seeds are not checklists.
/// </summary>
internal static class IndicatedLevelDeriver
{
    internal static long Derive(DuckDbConnection connection, PartnershipFrameworks frameworks)
    {
        connection.Execute("CREATE OR REPLACE TEMP TABLE indicated (consultation_id VARCHAR, level INTEGER, rule VARCHAR, borderline BOOLEAN, behind VARCHAR)");
        long count = 0;
        using (var appender = connection.CreateAppender("indicated", "main", "temp"))
        using (var command = new DuckDbCommand("""
            SELECT c.consultation_id, c.framework_version, list(i.indicator_code ORDER BY i.indicator_code) FILTER (WHERE i.indicator_code IS NOT NULL)
            FROM fact.consultation c
            LEFT JOIN fact.consultation_indicator i ON i.partnership = c.partnership AND i.consultation_id = c.consultation_id
            WHERE c.partnership = $1
            GROUP BY c.consultation_id, c.framework_version
            """, connection))
        {
            command.Parameters.AddValue(frameworks.Partnership);
            using var reader = command.ExecuteReader();
            var byVersion = frameworks.Versions.ToDictionary(v => v.Version, StringComparer.Ordinal);
            Span<int> ids = stackalloc int[256];
            Span<int> behind = stackalloc int[256];
            while (reader.Read())
            {
                var framework = byVersion[reader.GetString(1)];
                var codes = reader.IsDBNull(2) ? [] : (string[])reader.GetValue(2);
                var n = 0;
                foreach (var code in codes)
                {
                    if (n < ids.Length && framework.TryGetIndicator(code, out var indicator)) ids[n++] = indicator.Id;
                }
                var result = LevelEngine.Indicate(framework, ids[..n], behind);
                var behindCodes = new string[result.BehindCount];
                for (var i = 0; i < result.BehindCount; i++) behindCodes[i] = framework.Indicators[behind[i]].Code;
                appender.AppendValue(reader.GetString(0)).AppendValue(result.Level).AppendValue(result.RuleId)
                    .AppendValue(result.IsBorderline).AppendValue(behindCodes.Length == 0 ? null : string.Join(';', behindCodes));
                appender.EndRow();
                count++;
            }
        }
        connection.Execute("""
            UPDATE fact.consultation c SET
                indicated_level = t.level, indicated_rule = t.rule, indicated_borderline = t.borderline,
                indicated_indicators = CASE WHEN t.behind IS NULL THEN NULL ELSE string_split(t.behind, ';') END
            FROM temp.indicated t
            WHERE c.consultation_id = t.consultation_id
            """);
        return count;
    }
}
