using Dapper;
using Warehouse.App.Cli;
using Warehouse.App.Commands.Export;
using Warehouse.App.Tests.Support;
using Warehouse.Store.DuckDb;

namespace Warehouse.App.Tests.Commands.Export;

public sealed class ExportCommandTests : IDisposable
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private readonly TestFolder folder = new();
    private readonly CliHarness cli;

    public ExportCommandTests()
    {
        cli = new CliHarness(folder);
        TestWarehouse.Create(cli.Settings.Warehouse, """
            INSERT INTO ops.rejects VALUES ('f1', 'warwickshire', 'c.csv', 'abc', NULL, 7, 'child_id', NULL, 'child_id is missing');
            """);
    }

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task A_table_without_case_level_columns_goes_to_the_publishable_folder()
    {
        var result = await cli.RunAsync("export", "--table", "dim.locality");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var path = folder.PathOf("out", "dim.locality.parquet");
        Assert.Equal(2L, ParquetRows(path));
        Assert.False(Directory.Exists(folder.PathOf("out", "restricted")));
        Assert.Contains("Exported 2 rows of dim.locality", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_level_table_goes_only_to_the_restricted_folder_owner_only()
    {
        var result = await cli.RunAsync("export", "--table", "fact.consultation");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var path = folder.PathOf("out", "restricted", "fact.consultation.parquet");
        Assert.Equal(1L, ParquetRows(path));
        Assert.False(File.Exists(folder.PathOf("out", "fact.consultation.parquet")));
        if (OperatingSystem.IsWindows()) return;
        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(folder.PathOf("out", "restricted")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public async Task A_restricted_folder_made_wider_by_hand_is_narrowed_before_writing()
    {
        if (OperatingSystem.IsWindows()) return;
        Directory.CreateDirectory(folder.PathOf("out", "restricted"));
        File.SetUnixFileMode(folder.PathOf("out", "restricted"), OwnerOnlyFolder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        var result = await cli.RunAsync("export", "--table", "consultation", "--format", "csv");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(folder.PathOf("out", "restricted")));
        Assert.StartsWith("partnership,consultation_id,child_key,", File.ReadAllText(folder.PathOf("out", "restricted", "fact.consultation.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejects_point_at_a_source_row_so_they_are_case_level_too()
    {
        var result = await cli.RunAsync("export", "--table", "ops.rejects", "--format", "csv");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.True(File.Exists(folder.PathOf("out", "restricted", "ops.rejects.csv")));
    }

    [Theory]
    [InlineData("ops.governance_log", "case-level")]
    [InlineData("analytics.measures", "not disclosure-controlled")]
    [InlineData("fact.audit_sample_stratum", "not disclosure-controlled")]
    public async Task Pseudonyms_facts_and_unsuppressed_results_go_only_to_the_restricted_folder(string table, string why)
    {
        var result = await cli.RunAsync("export", "--table", table);

        Assert.True(result.ExitCode == ExitCodes.Success, result.Error);
        Assert.True(File.Exists(folder.PathOf("out", "restricted", table + ".parquet")));
        Assert.False(File.Exists(folder.PathOf("out", table + ".parquet")));
        Assert.EndsWith($"({why}: restricted folder, owner-only).", result.Out.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_export_replaces_the_previous_file_through_a_temporary_one_and_leaves_nothing_else()
    {
        var first = await cli.RunAsync("export", "--table", "dim.locality", "--format", "csv");
        TestWarehouse.Query(cli.Settings.Warehouse, w => w.Execute("DELETE FROM dim.locality WHERE locality_code = 'RUG'"));
        var second = await cli.RunAsync("export", "--table", "dim.locality", "--format", "csv");

        Assert.Equal((ExitCodes.Success, ExitCodes.Success), (first.ExitCode, second.ExitCode));
        Assert.Equal(["dim.locality.csv"], Directory.GetFileSystemEntries(folder.PathOf("out")).Select(Path.GetFileName));
        Assert.Equal(2, File.ReadAllLines(folder.PathOf("out", "dim.locality.csv")).Length);
    }

    [Fact]
    public async Task A_csv_export_neutralises_text_a_spreadsheet_would_run_and_leaves_numbers_alone()
    {
        TestWarehouse.Query(cli.Settings.Warehouse, w => w.Execute(
            "INSERT INTO dim.locality VALUES ('warwickshire', 'NWA', '=cmd|'' /C calc''!A0', '-1+1 North', -5)"));

        var result = await cli.RunAsync("export", "--table", "dim.locality", "--format", "csv");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var lines = File.ReadAllLines(folder.PathOf("out", "dim.locality.csv"));
        Assert.Contains("warwickshire,NWA,'=cmd|' /C calc'!A0,'-1+1 North,-5", lines);
        Assert.Contains("warwickshire,NUN,Nuneaton,North,21000", lines);
    }

    [Fact]
    public async Task An_unknown_table_is_bad_usage()
    {
        var result = await cli.RunAsync("export", "--table", "fact.nothing");

        Assert.Equal(ExitCodes.BadUsage, result.ExitCode);
        Assert.StartsWith("There is no table 'fact.nothing' in the warehouse", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_table_option_is_required()
    {
        var result = await cli.RunAsync("export", "--format", "csv");

        Assert.Equal(ExitCodes.BadUsage, result.ExitCode);
    }

    [Fact]
    public async Task A_partitioned_export_reads_back_as_one_hive_partitioned_dataset_with_the_same_rows()
    {
        // 59 more consultations: two partnerships over three months, some without a team.
        AddConsultations(59);

        var result = await cli.RunAsync("export", "--table", "fact.consultation", "--partition-by", "partnership,month(consultation_date)");

        Assert.True(result.ExitCode == ExitCodes.Success, result.Error);
        var dataset = folder.PathOf("out", "restricted", "fact.consultation");
        Assert.True(Directory.Exists(folder.PathOf("out", "restricted", "fact.consultation", "partnership=warwickshire", "consultation_date_month=2026-03")));
        Assert.False(Directory.Exists(folder.PathOf("out", "fact.consultation")));
        using var reader = new DuckDbConnection(":memory:");
        reader.Open();
        var files = $"{dataset}/**/*.parquet";
        Assert.Equal(60L, reader.Scalar<long>($"SELECT count(*) FROM read_parquet('{files}', hive_partitioning = true)"));
        // Every partition holds exactly the warehouse's rows for its partnership and month.
        var published = reader.Query<(string, string, long)>(
            $"SELECT partnership, consultation_date_month, count(*) FROM read_parquet('{files}', hive_partitioning = true) GROUP BY ALL ORDER BY ALL").ToList();
        var expected = TestWarehouse.Query(cli.Settings.Warehouse, w => w.Query<(string, string, long)>(
            "SELECT partnership, strftime(consultation_date, '%Y-%m'), count(*) FROM fact.consultation GROUP BY ALL ORDER BY ALL").ToList());
        Assert.Equal(expected, published);
        Assert.Equal(6, published.Count);
        Assert.Contains("Exported 60 rows of fact.consultation", result.Out, StringComparison.Ordinal);
        Assert.Contains("partitioned by partnership, month(consultation_date) (6 partitions) (case-level: restricted folder, owner-only)", result.Out, StringComparison.Ordinal);
        Assert.Empty(Directory.GetDirectories(folder.PathOf("out", "restricted"), ".*"));
        if (OperatingSystem.IsWindows()) return;
        foreach (var partition in Directory.GetDirectories(dataset, "*", SearchOption.AllDirectories).Append(dataset))
            Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(partition));
        foreach (var file in Directory.GetFiles(dataset, "*", SearchOption.AllDirectories))
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
    }

    [Fact]
    public async Task A_partitioned_export_replaces_the_previous_one_whole_and_is_logged()
    {
        var first = await cli.RunAsync("export", "--table", "dim.locality", "--partition-by", "area");
        TestWarehouse.Query(cli.Settings.Warehouse, w => w.Execute("UPDATE dim.locality SET area = 'South' WHERE locality_code = 'NUN'"));
        var second = await cli.RunAsync("export", "--table", "dim.locality", "--partition-by", "area");

        Assert.Equal((ExitCodes.Success, ExitCodes.Success), (first.ExitCode, second.ExitCode));
        var dataset = folder.PathOf("out", "dim.locality");
        Assert.Equal(["area=East", "area=South"], Directory.GetDirectories(dataset).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var (entries, _) = Warehouse.App.Access.AccessLog.Read(cli.Settings.AccessLog);
        Assert.Equal($"dim.locality as parquet partitioned by area to {dataset}", entries[^1].What);
        Assert.Equal((2L, "ok"), (entries[^1].Rows!.Value, entries[^1].Outcome));
    }

    [Fact]
    public async Task A_partitioned_export_of_an_empty_table_is_an_empty_folder()
    {
        var result = await cli.RunAsync("export", "--table", "analytics.measures", "--partition-by", "period,comparison");

        Assert.True(result.ExitCode == ExitCodes.Success, result.Error);
        Assert.Contains("Exported 0 rows of analytics.measures", result.Out, StringComparison.Ordinal);
        Assert.Contains("(0 partitions) (not disclosure-controlled: restricted folder, owner-only).", result.Out, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder.PathOf("out", "restricted", "analytics.measures")));
    }

    [Theory]
    [InlineData("child_key", "'child_key' cannot be a partition")]
    [InlineData("nothing", "fact.consultation has no column 'nothing' to partition by; its columns are partnership, consultation_id, child_key,")]
    [InlineData("month(locality)", "month(locality) needs a DATE or TIMESTAMP column; locality is VARCHAR.")]
    [InlineData("partnership,PARTNERSHIP", "--partition-by names partnership twice.")]
    public async Task A_partition_that_would_not_work_is_refused_before_anything_is_written(string partitionBy, string message)
    {
        var result = await cli.RunAsync("export", "--table", "fact.consultation", "--partition-by", partitionBy);

        Assert.Equal(ExitCodes.BadUsage, result.ExitCode);
        Assert.StartsWith(message, result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.PathOf("out", "restricted", "fact.consultation")));
    }

    [Fact]
    public async Task Partitioning_is_parquet_only_and_stops_short_of_a_folder_per_row()
    {
        TestWarehouse.Query(cli.Settings.Warehouse, w => w.Execute(
            $"INSERT INTO dim.locality SELECT 'elsewhere', 'L' || i, 'Locality ' || i, 'Area', 100 FROM range(0, {TableExporter.MaxPartitions}) t(i)"));

        var csv = await cli.RunAsync("export", "--table", "dim.locality", "--format", "csv", "--partition-by", "area");
        var many = await cli.RunAsync("export", "--table", "dim.locality", "--partition-by", "locality_code");

        Assert.Equal((ExitCodes.BadUsage, ExitCodes.BadUsage), (csv.ExitCode, many.ExitCode));
        Assert.StartsWith("--partition-by writes Parquet only", csv.Error, StringComparison.Ordinal);
        Assert.StartsWith("Partitioning dim.locality by locality_code would make 10,002 folders; at most 10,000 are allowed.", many.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.PathOf("out", "dim.locality")));
    }

    private void AddConsultations(int count) => TestWarehouse.Query(cli.Settings.Warehouse, w => w.Execute($"""
        INSERT INTO fact.consultation (partnership, consultation_id, child_key, consultation_at, consultation_date,
            locality, caller_agency, contact_source, contact_source_derived, recommended_implied, outcome,
            framework_version, file_id, source_row, team)
        SELECT CASE WHEN i % 2 = 0 THEN 'warwickshire' ELSE 'worcestershire' END, 'C-1' || i, 'child-' || i,
            TIMESTAMP '2026-01-05 09:00:00' + INTERVAL (i % 3) MONTH, DATE '2026-01-05' + INTERVAL (i % 3) MONTH,
            'NUN', 'POLICE', '6', false, false, 'early_support', '2024', 'file-2', i + 2,
            CASE WHEN i % 5 = 0 THEN NULL ELSE 'Front door' END
        FROM range(0, {count}) t(i);
        """));

    private static long ParquetRows(string path)
    {
        using var connection = new DuckDbConnection(":memory:");
        connection.Open();
        return (long)connection.CreateCommand().Let($"SELECT count(*) FROM read_parquet('{path}')").ExecuteScalar()!;
    }
}
