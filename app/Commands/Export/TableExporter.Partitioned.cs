using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;
using Warehouse.App.Cli;
using Warehouse.App.Settings;
using Warehouse.Store.DuckDb;

namespace Warehouse.App.Commands.Export;

/// <summary>
/// A table as a folder of Hive-partitioned Parquet files (<c>&lt;schema&gt;.&lt;table&gt;/col=value/…/data_0.parquet</c>),
/// written by DuckDB's <c>COPY … TO (FORMAT parquet, PARTITION_BY (…))</c>, so that Spark, Trino
/// or DuckDB itself can read it as one dataset and skip the partitions a query does not need.
/// </summary>
/// <remarks>
/// <para>A partition is a table column, or <c>month(&lt;date column&gt;)</c>: the month of a DATE or
/// TIMESTAMP column as <c>yyyy-MM</c>, in a column named <c>&lt;column&gt;_month</c>. Partition columns
/// are written into folder names, not into the files (DuckDB's default, as Hive and Spark do).</para>
/// <para>Refused: a case-level column as a partition (one folder per child or case, with the
/// pseudonym or consultation id in the folder name), and more than <see cref="MaxPartitions"/>
/// folders. The folder is written beside its final place and swapped in only after it reads back
/// with the same number of rows, replacing the previous export of the table.</para>
/// </remarks>
internal static partial class TableExporter
{
    /// <summary>The most partition folders one export may make: enough for every partnership × month of decades.</summary>
    internal const int MaxPartitions = 10_000;

    private const string FindColumnTypes = """
        SELECT column_name AS "Name", data_type AS "Type" FROM information_schema.columns
        WHERE table_catalog = current_database() AND table_schema = $schema AND table_name = $table
        ORDER BY ordinal_position
        """;

    internal static ExportedTable ExportPartitioned(DuckDbConnection warehouse, WarehouseSettings settings, string table, string partitionBy)
    {
        var (schema, name) = Resolve(warehouse, table);
        var columns = warehouse.Query<(string Name, string Type)>(FindColumnTypes, new { schema, table = name }).ToList();
        var partitions = ParsePartitions(partitionBy, columns, $"{schema}.{name}");
        var restriction = Restriction(schema, columns.Select(c => c.Name));
        var folder = OutputFolder(settings, restriction);

        var derived = string.Concat(partitions.Where(p => p.Derived).Select(p => $", {p.Expression} AS {Identifier(p.Name)}"));
        var source = $"SELECT *{derived} FROM {Identifier(schema)}.{Identifier(name)}";
        var keys = string.Join(", ", partitions.Select(p => p.Expression));
        var folders = warehouse.Scalar<long>($"SELECT count(*) FROM (SELECT DISTINCT {keys} FROM {Identifier(schema)}.{Identifier(name)})");
        if (folders > MaxPartitions)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                $"Partitioning {schema}.{name} by {Describe(partitions)} would make {folders:N0} folders; at most {MaxPartitions:N0} are allowed. Partition by fewer or coarser columns (the month of a date rather than the date)."));
        }

        var path = Path.Combine(folder, $"{schema}.{name}");
        // Written beside its final place (inside the same, possibly owner-only, folder) and swapped in
        // only when complete, so a failed export never leaves half a dataset where a reader looks.
        var writing = Path.Combine(folder, $".{schema}.{name}.partitioning-{Guid.NewGuid():N}");
        try
        {
            var partitionList = string.Join(", ", partitions.Select(p => Identifier(p.Name)));
            var rows = warehouse.Execute($"COPY ({source}) TO {Literal(writing)} (FORMAT parquet, PARTITION_BY ({partitionList}))");
            // An empty table writes no file at all (and a glob over no files is an error): an empty folder then.
            if (!Directory.Exists(writing)) Directory.CreateDirectory(writing);
            var readBack = rows == 0 ? 0 : warehouse.Scalar<long>(
                $"SELECT count(*) FROM read_parquet({Literal(Path.Combine(writing, "**", "*.parquet"))}, hive_partitioning = true)");
            if (readBack != rows)
            {
                throw new CommandFailedException(string.Create(CultureInfo.InvariantCulture,
                    $"The partitioned export of {schema}.{name} read back {readBack:N0} rows, not {rows:N0}; nothing was replaced."));
            }
            if (restriction is not null) OwnerOnlyPaths.RestrictTree(writing);
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
            Directory.Move(writing, path);
            return new ExportedTable($"{schema}.{name}", path, rows, restriction, folders, Describe(partitions));
        }
        finally
        {
            if (Directory.Exists(writing)) Directory.Delete(writing, recursive: true);
        }
    }

    /// <summary>Reads <c>col[,col]</c>, where each is a column of the table or <c>month(date column)</c>.</summary>
    internal static IReadOnlyList<PartitionColumn> ParsePartitions(string partitionBy, IReadOnlyList<(string Name, string Type)> columns, string table)
    {
        var parsed = new List<PartitionColumn>();
        foreach (var item in partitionBy.Split(',', StringSplitOptions.TrimEntries))
        {
            if (item.Length == 0) throw new UsageException($"--partition-by '{partitionBy}' has an empty column name.");
            var month = MonthOf().Match(item);
            var columnName = month.Success ? month.Groups[1].Value : item;
            var column = columns.FirstOrDefault(c => string.Equals(c.Name, columnName, StringComparison.OrdinalIgnoreCase));
            if (column.Name is null)
            {
                throw new UsageException(
                    $"{table} has no column '{columnName}' to partition by; its columns are {string.Join(", ", columns.Select(c => c.Name))}.");
            }
            if (CaseLevelColumns.Contains(column.Name.ToLowerInvariant()))
            {
                throw new UsageException(
                    $"'{column.Name}' cannot be a partition: it would make a folder per case and write each {column.Name} into a folder name.");
            }

            PartitionColumn partition;
            if (month.Success)
            {
                if (column.Type is not ("DATE" or "TIMESTAMP"))
                    throw new UsageException($"month({column.Name}) needs a DATE or TIMESTAMP column; {column.Name} is {column.Type}.");
                var monthName = column.Name + "_month";
                if (columns.Any(c => string.Equals(c.Name, monthName, StringComparison.OrdinalIgnoreCase)))
                    throw new UsageException($"month({column.Name}) would be named {monthName}, which {table} already has: partition by that column instead.");
                partition = new PartitionColumn(monthName, $"strftime({Identifier(column.Name)}, '%Y-%m')", $"month({column.Name})", Derived: true);
            }
            else
            {
                partition = new PartitionColumn(column.Name, Identifier(column.Name), column.Name, Derived: false);
            }

            if (parsed.Any(p => string.Equals(p.Name, partition.Name, StringComparison.OrdinalIgnoreCase)))
                throw new UsageException($"--partition-by names {partition.Spec} twice.");
            parsed.Add(partition);
        }
        if (parsed.Count(p => !p.Derived) == columns.Count)
            throw new UsageException("--partition-by cannot name every column of the table: the files would hold nothing.");
        return parsed;
    }

    private static string Describe(IReadOnlyList<PartitionColumn> partitions) => string.Join(", ", partitions.Select(p => p.Spec));

    [GeneratedRegex(@"^month\(\s*([^()\s]+)\s*\)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthOf();
}
