using Warehouse.Frameworks;
using Warehouse.Store.DuckDb;

namespace Warehouse.Etl.Staging;

/// <summary>
/// Answers the framework's questions the validation SQL asks as staging tables and macros: the level
/// a value reads as (with the framework's own parser, once per distinct value: a file has few), and
/// the version in force on a date.
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
        var numbers = new List<(string Version, string Column, string Raw, int Number)>();
        using (var appender = connection.CreateAppender("level_map", "main", "staging"))
        {
            foreach (var (version, column, raw) in pairs)
            {
                var framework = frameworks.Versions.Single(v => v.Version == version);
                var parsed = framework.ParseLevel(raw);
                appender.AppendRow(version, column, raw, parsed.IsSuccess ? parsed.Number : null,
                    parsed.IsSuccess ? null : $"{column} '{raw}' is not a level of the {frameworks.Partnership} framework: {parsed.Error}");
                if (parsed.IsSuccess) numbers.Add((version, column, raw, parsed.Number));
            }
        }
        connection.Execute($"CREATE OR REPLACE TEMP MACRO {LevelNumberMacro}(column_name, framework_version, raw_value) AS {LevelNumberCase(numbers)}");
    }

    /// <summary>
    /// <c>staged_framework_version(moment)</c>: the version of the partnership's framework in force on a
    /// timestamp's date (NULL when none is, or the timestamp is NULL), as one CASE over its versions.
    /// Versions do not overlap (the catalog refuses them), so at most one matches.
    /// </summary>
    internal static void DefineFrameworkVersionMacro(DuckDbConnection connection, PartnershipFrameworks frameworks)
    {
        var sql = new System.Text.StringBuilder("CASE");
        foreach (var version in frameworks.Versions)
        {
            sql.Append(" WHEN moment::DATE >= ").Append(DateLiteral(version.EffectiveFrom));
            if (version.EffectiveTo is { } to) sql.Append(" AND moment::DATE <= ").Append(DateLiteral(to));
            sql.Append(" THEN ").Append(SqlScript.Literal(version.Version));
        }
        sql.Append(" END");
        var body = frameworks.Versions.Count == 0 ? "CAST(NULL AS VARCHAR)" : sql.ToString();
        connection.Execute($"CREATE OR REPLACE TEMP MACRO staged_framework_version(moment) AS {body}");
    }

    private static string DateLiteral(DateOnly date) =>
        "DATE '" + date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "'";

    /// <summary>
    /// <c>staged_level_number(column_name, framework_version, raw_value)</c>: the level a value of the
    /// file reads as (NULL when it is none), defined after <see cref="BuildLevelMap"/> from its answers.
    /// </summary>
    internal const string LevelNumberMacro = "staged_level_number";

    /// <summary>
    /// The level map's readable values as one nested CASE (column, version, value). A file has a handful
    /// of spellings, so this is a few string comparisons a row: quicker than three joins to the map,
    /// which also kept the small files' step on one thread.
    /// </summary>
    private static string LevelNumberCase(List<(string Version, string Column, string Raw, int Number)> numbers)
    {
        if (numbers.Count == 0) return "CAST(NULL AS INTEGER)";
        var sql = new System.Text.StringBuilder("CASE");
        foreach (var byColumn in numbers.GroupBy(n => n.Column, StringComparer.Ordinal))
        {
            sql.Append(" WHEN column_name = ").Append(SqlScript.Literal(byColumn.Key)).Append(" THEN CASE");
            foreach (var byVersion in byColumn.GroupBy(n => n.Version, StringComparer.Ordinal))
            {
                sql.Append(" WHEN framework_version = ").Append(SqlScript.Literal(byVersion.Key)).Append(" THEN CASE raw_value");
                foreach (var n in byVersion)
                {
                    sql.Append(" WHEN ").Append(SqlScript.Literal(n.Raw)).Append(" THEN ").Append(n.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
                sql.Append(" END");
            }
            sql.Append(" END");
        }
        return sql.Append(" END").ToString();
    }
}
