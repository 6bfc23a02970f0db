using Warehouse.App.Cli;
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

    private static long ParquetRows(string path)
    {
        using var connection = new DuckDbConnection(":memory:");
        connection.Open();
        return (long)connection.CreateCommand().Let($"SELECT count(*) FROM read_parquet('{path}')").ExecuteScalar()!;
    }
}
