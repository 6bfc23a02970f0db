using System.Text.Json;
using Warehouse.App.Cli;
using Warehouse.App.Tests.Support;

namespace Warehouse.App.Tests.Commands.Sql;

public sealed class SqlCommandTests : IDisposable
{
    private readonly TestFolder folder = new();
    private readonly CliHarness cli;

    public SqlCommandTests()
    {
        cli = new CliHarness(folder);
        TestWarehouse.Create(cli.Settings.Warehouse);
    }

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Csv_output_has_a_header_and_rfc_4180_quoting()
    {
        var result = await cli.RunAsync("sql", "SELECT locality_code, locality_name || ', ' || area AS place, population_0_17 FROM dim.locality ORDER BY 1", "--format", "csv");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal("locality_code,place,population_0_17\r\nNUN,\"Nuneaton, North\",21000\r\nRUG,\"Rugby, East\",23000\r\n", result.Out);
    }

    [Fact]
    public async Task Json_output_keeps_numbers_dates_nulls_and_lists_typed()
    {
        var result = await cli.RunAsync("sql",
            "SELECT 7 AS n, 1.5::DOUBLE AS x, DATE '2026-03-02' AS d, TIMESTAMP '2026-03-02 10:15:00' AS t, NULL AS nothing, ['a', 'b'] AS l, true AS b",
            "--format", "json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var document = JsonDocument.Parse(result.Out);
        var row = Assert.Single(document.RootElement.EnumerateArray().ToList());
        Assert.Equal(7, row.GetProperty("n").GetInt32());
        Assert.Equal(1.5, row.GetProperty("x").GetDouble());
        Assert.Equal("2026-03-02", row.GetProperty("d").GetString());
        Assert.Equal("2026-03-02T10:15:00", row.GetProperty("t").GetString());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("nothing").ValueKind);
        Assert.Equal(["a", "b"], row.GetProperty("l").EnumerateArray().Select(e => e.GetString()));
        Assert.True(row.GetProperty("b").GetBoolean());
    }

    [Fact]
    public async Task An_empty_result_is_an_empty_json_array()
    {
        var result = await cli.RunAsync("sql", "SELECT * FROM dim.locality WHERE false", "--format", "json");

        Assert.Equal("[]\n", result.Out);
    }

    [Fact]
    public async Task The_table_format_shows_the_columns_and_values()
    {
        var result = await cli.RunAsync("sql", "SELECT locality_code, population_0_17 FROM dim.locality ORDER BY 1");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("locality_code", result.Out, StringComparison.Ordinal);
        Assert.Contains("23000", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", result.Out, StringComparison.Ordinal); // no colour codes when redirected
    }

    [Fact]
    public async Task The_warehouse_cannot_be_changed()
    {
        var result = await cli.RunAsync("sql", "DELETE FROM dim.locality");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.StartsWith("The query failed:", result.Error, StringComparison.Ordinal);
        Assert.Equal(2L, TestWarehouse.Query(cli.Settings.Warehouse, w => (long)w.CreateCommand().Let("SELECT count(*) FROM dim.locality").ExecuteScalar()!));
    }

    [Fact]
    public async Task Copy_to_a_file_is_refused_and_no_file_appears()
    {
        var target = folder.PathOf("leak.csv");

        var result = await cli.RunAsync("sql", $"COPY (SELECT child_key FROM fact.consultation) TO '{target}'");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("disabled by configuration", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public async Task Reading_a_file_with_read_csv_is_refused()
    {
        var source = folder.Write("outside.csv", "a,b\n1,2\n");

        var result = await cli.RunAsync("sql", $"SELECT * FROM read_csv('{source}')");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("disabled by configuration", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("1,2", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task External_access_cannot_be_switched_back_on_nor_another_database_attached()
    {
        var other = folder.PathOf("other.duckdb");

        var set = await cli.RunAsync("sql", "SET enable_external_access = true");
        var attach = await cli.RunAsync("sql", $"ATTACH '{other}' AS other");

        Assert.Equal(ExitCodes.Failure, set.ExitCode);
        Assert.Equal(ExitCodes.Failure, attach.ExitCode);
        Assert.False(File.Exists(other));
    }
}
