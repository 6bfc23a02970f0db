using Warehouse.Frameworks;
using Warehouse.Store.DuckDb;

namespace Warehouse.Etl.Staging;

/// <summary>
/// Validates levels and indicator codes with the framework's own parser, once per distinct
/// value (a file has few), and writes the answers as staging tables the validation SQL joins.
/// </summary>
internal static class LookupTables
{
    /// <summary>staging.level_map(framework_version, column_name, raw_value, level_number, error).</summary>
    internal static void BuildLevelMap(DuckDbConnection connection, PartnershipFrameworks frameworks, IReadOnlyList<string> columns)
    {
        connection.Execute("CREATE OR REPLACE TABLE staging.level_map (framework_version VARCHAR, column_name VARCHAR, raw_value VARCHAR, level_number INTEGER, error VARCHAR)");
        var distinct = string.Join(" UNION ", columns.Select(c =>
            $"SELECT DISTINCT framework_version, '{c}' AS column_name, {c} AS raw_value FROM staging.versioned WHERE {c} IS NOT NULL AND framework_version IS NOT NULL"));
        var pairs = new List<(string Version, string Column, string Raw)>();
        using (var command = new DuckDbCommand(distinct, connection))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read()) pairs.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }
        using var appender = connection.CreateAppender("level_map", "main", "staging");
        foreach (var (version, column, raw) in pairs)
        {
            var framework = frameworks.Versions.Single(v => v.Version == version);
            var parsed = framework.ParseLevel(raw);
            appender.AppendRow(version, column, raw, parsed.IsSuccess ? parsed.Number : null,
                parsed.IsSuccess ? null : $"{column} '{raw}' is not a level of the {frameworks.Partnership} framework: {parsed.Error}");
        }
    }

    /// <summary>staging.indicator_map(framework_version, code, known).</summary>
    internal static void BuildIndicatorMap(DuckDbConnection connection, PartnershipFrameworks frameworks)
    {
        connection.Execute("CREATE OR REPLACE TABLE staging.indicator_map (framework_version VARCHAR, code VARCHAR, known BOOLEAN)");
        var pairs = new List<(string Version, string Code)>();
        using (var command = new DuckDbCommand("""
            SELECT DISTINCT framework_version, trim(code)
            FROM (SELECT v.framework_version, unnest(string_split(v.indicators, ';')) AS code
                  FROM staging.versioned v WHERE v.indicators IS NOT NULL AND v.framework_version IS NOT NULL)
            WHERE trim(code) <> ''
            """, connection))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read()) pairs.Add((reader.GetString(0), reader.GetString(1)));
        }
        using var appender = connection.CreateAppender("indicator_map", "main", "staging");
        foreach (var (version, code) in pairs)
        {
            var framework = frameworks.Versions.Single(v => v.Version == version);
            appender.AppendRow(version, code, framework.TryGetIndicator(code, out _));
        }
    }
}
