using Dapper;
using Warehouse.App.Cli;
using Warehouse.App.Settings;
using Warehouse.Store.DuckDb;

namespace Warehouse.App.Commands.Export;

/// <summary>
/// Copies one warehouse table to Parquet or CSV with DuckDB's own <c>COPY … TO</c>. A case-level
/// table – one with a column that points at a child or a source row – goes only to the restricted
/// folder, created owner-only (0700), and its file is made owner-only (0600); every other table
/// goes to the publishable output folder.
/// </summary>
internal static class TableExporter
{
    /// <summary>
    /// Columns that make a table case-level: a child's pseudonym or a consultation (the rule of the
    /// data contract), and a source row reference (rejects and warnings point at one case's row).
    /// </summary>
    internal static readonly IReadOnlyList<string> CaseLevelColumns = ["child_key", "consultation_id", "source_row", "row_number"];

    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const string FindTable = """
        SELECT table_schema AS "Schema", table_name AS "Name" FROM information_schema.tables
        WHERE table_catalog = current_database()
          AND (lower(table_schema || '.' || table_name) = lower($name) OR lower(table_name) = lower($name))
        ORDER BY table_schema, table_name
        """;

    private const string FindColumns = """
        SELECT lower(column_name) FROM information_schema.columns
        WHERE table_catalog = current_database() AND table_schema = $schema AND table_name = $table
        """;

    internal static ExportedTable Export(DuckDbConnection warehouse, WarehouseSettings settings, string table, ExportFormat format)
    {
        var (schema, name) = Resolve(warehouse, table);
        var columns = warehouse.Query<string>(FindColumns, new { schema, table = name }).ToHashSet(StringComparer.Ordinal);
        var caseLevel = CaseLevelColumns.Any(columns.Contains);
        var folder = caseLevel ? settings.RestrictedOutputFolder : settings.OutputFolder;
        if (caseLevel) EnsureOwnerOnlyFolder(folder);
        else Directory.CreateDirectory(folder);

        var extension = format == ExportFormat.Parquet ? "parquet" : "csv";
        var path = Path.Combine(folder, $"{schema}.{name}.{extension}");
        var options = format == ExportFormat.Parquet ? "FORMAT parquet" : "FORMAT csv, HEADER true";
        var rows = warehouse.Execute($"COPY {Identifier(schema)}.{Identifier(name)} TO {Literal(path)} ({options})");
        if (caseLevel && !OperatingSystem.IsWindows()) File.SetUnixFileMode(path, OwnerOnlyFile);
        return new ExportedTable($"{schema}.{name}", path, rows, caseLevel);
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

    private static void EnsureOwnerOnlyFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }
        Directory.CreateDirectory(folder, OwnerOnlyFolder);
        // A folder made earlier by hand may be wider: case-level files never sit in one that is.
        File.SetUnixFileMode(folder, OwnerOnlyFolder);
    }

    private static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
