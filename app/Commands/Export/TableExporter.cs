using Dapper;
using Warehouse.App.Cli;
using Warehouse.App.Settings;
using Warehouse.Store.DuckDb;

namespace Warehouse.App.Commands.Export;

/// <summary>
/// Copies one warehouse table to Parquet or CSV with DuckDB's own <c>COPY … TO</c>. A restricted
/// table (<see cref="Restriction"/>) goes only to the restricted folder, created owner-only (0700),
/// and its file is made owner-only (0600); every other table goes to the publishable output folder.
/// The file is written under a temporary name beside its final place and renamed over the previous
/// export only when complete, so a failed export (a full disk) leaves the previous one whole. With
/// partition columns the table becomes a folder of Hive-partitioned Parquet files instead
/// (<c>TableExporter.Partitioned.cs</c>).
/// </summary>
internal static partial class TableExporter
{
    /// <summary>
    /// Columns that make a table case-level: a child's pseudonym (<c>child_key</c>, and the governance
    /// log's <c>pseudonym</c> / <c>other_pseudonym</c>) or a consultation (the rule of the data
    /// contract), and a source row reference (rejects and warnings point at one case's row).
    /// </summary>
    internal static readonly IReadOnlyList<string> CaseLevelColumns = ["child_key", "consultation_id", "source_row", "row_number", "pseudonym", "other_pseudonym"];

    /// <summary>
    /// Schemas every table of which is restricted even without a case-level column: <c>fact</c> (facts
    /// about children, e.g. an audit's stratum sizes) and <c>analytics</c> (check results, whose small
    /// counts are suppressed only when a pack is published, never in the stored rows).
    /// </summary>
    internal static readonly IReadOnlyList<string> RestrictedSchemas = ["fact", "analytics"];

    private const string FindTable = """
        SELECT table_schema AS "Schema", table_name AS "Name" FROM information_schema.tables
        WHERE table_catalog = current_database()
          AND (lower(table_schema || '.' || table_name) = lower($name) OR lower(table_name) = lower($name))
        ORDER BY table_schema, table_name
        """;

    internal static ExportedTable Export(DuckDbConnection warehouse, WarehouseSettings settings, string table, ExportFormat format)
    {
        var (schema, name) = Resolve(warehouse, table);
        var columns = warehouse.Query<(string Name, string Type)>(FindColumnTypes, new { schema, table = name }).ToList();
        var restriction = Restriction(schema, columns.Select(c => c.Name));
        var folder = OutputFolder(settings, restriction);

        var extension = format == ExportFormat.Parquet ? "parquet" : "csv";
        var path = Path.Combine(folder, $"{schema}.{name}.{extension}");
        var writing = Path.Combine(folder, $".{schema}.{name}.{Guid.NewGuid():N}.{extension}");
        var source = format == ExportFormat.Parquet ? $"{Identifier(schema)}.{Identifier(name)}" : $"({NeutralisedSelect(schema, name, columns)})";
        var options = format == ExportFormat.Parquet ? "FORMAT parquet" : "FORMAT csv, HEADER true";
        try
        {
            var rows = warehouse.Execute($"COPY {source} TO {Literal(writing)} ({options})");
            if (restriction is not null) OwnerOnlyPaths.RestrictFile(writing);
            File.Move(writing, path, overwrite: true);
            return new ExportedTable($"{schema}.{name}", path, rows, restriction);
        }
        finally
        {
            File.Delete(writing);
        }
    }

    /// <summary>
    /// Why a table may not go to the publishable folder, or null when it may: it is case-level, or it
    /// is a fact or a check result that has not been through disclosure control.
    /// </summary>
    internal static string? Restriction(string schema, IEnumerable<string> columns)
    {
        if (columns.Any(c => CaseLevelColumns.Contains(c.ToLowerInvariant()))) return "case-level";
        return RestrictedSchemas.Contains(schema.ToLowerInvariant()) ? "not disclosure-controlled" : null;
    }

    /// <summary>
    /// The table for a CSV file a spreadsheet may open: text that a spreadsheet would run as a formula
    /// (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return) gets a leading
    /// <c>'</c>, as the pack's CSVs and <c>warehouse sql --format csv</c> do. Only text columns: numbers
    /// such as -0.031 are machine-written and stay numbers. Parquet keeps every value exactly.
    /// </summary>
    private static string NeutralisedSelect(string schema, string name, IReadOnlyList<(string Name, string Type)> columns)
    {
        var select = columns.Select(c => c.Type == "VARCHAR"
            ? $"CASE WHEN left({Identifier(c.Name)}, 1) IN ('=', '+', '-', '@', chr(9), chr(13)) THEN '''' || {Identifier(c.Name)} ELSE {Identifier(c.Name)} END AS {Identifier(c.Name)}"
            : Identifier(c.Name));
        return $"SELECT {string.Join(", ", select)} FROM {Identifier(schema)}.{Identifier(name)}";
    }

    /// <summary>The folder a table's export goes to, created (owner-only for a restricted table).</summary>
    private static string OutputFolder(WarehouseSettings settings, string? restriction)
    {
        var folder = restriction is null ? settings.OutputFolder : settings.RestrictedOutputFolder;
        if (restriction is null) Directory.CreateDirectory(folder);
        else OwnerOnlyPaths.EnsureFolder(folder);
        return folder;
    }

    private static (string Schema, string Name) Resolve(DuckDbConnection warehouse, string table)
    {
        var found = warehouse.Query<(string Schema, string Name)>(FindTable, new { name = table.Trim() }).ToList();
        return found.Count switch
        {
            1 => found[0],
            0 => throw new UsageException($"There is no table '{table}' in the warehouse; 'warehouse sql \"SHOW ALL TABLES\"' lists them."),
            _ => throw new UsageException($"'{table}' names more than one table ({string.Join(", ", found.Select(f => f.Schema + "." + f.Name))}); give the schema too."),
        };
    }

    private static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
