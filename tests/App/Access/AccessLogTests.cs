using System.Text.Json;
using Warehouse.App.Access;
using Warehouse.App.Cli;
using Warehouse.App.Tests.Support;

namespace Warehouse.App.Tests.Access;

public sealed class AccessLogTests : IDisposable
{
    private readonly TestFolder folder = new();
    private readonly CliHarness cli;

    public AccessLogTests()
    {
        cli = new CliHarness(folder);
        TestWarehouse.Create(cli.Settings.Warehouse);
    }

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task A_query_is_logged_owner_only_with_who_when_what_and_rows_and_nothing_else()
    {
        const string query = "SELECT child_key, consultation_id FROM fact.consultation";

        var result = await cli.RunAsync("sql", query, "--format", "csv");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains(TestWarehouse.ChildKey, result.Out, StringComparison.Ordinal); // the analyst sees the result...
        var log = File.ReadAllText(cli.Settings.AccessLog);
        Assert.DoesNotContain(TestWarehouse.ChildKey, log, StringComparison.Ordinal); // ...the log never does
        Assert.DoesNotContain("C-0001", log, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(cli.Settings.AccessLog));
        using var line = JsonDocument.Parse(Assert.Single(File.ReadAllLines(cli.Settings.AccessLog)));
        Assert.Equal(["at", "user", "command", "what", "rows", "outcome"], line.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2026-03-10T12:00:00+00:00", line.RootElement.GetProperty("at").GetString());
        Assert.Equal("analyst1", line.RootElement.GetProperty("user").GetString());
        Assert.Equal("sql", line.RootElement.GetProperty("command").GetString());
        Assert.Equal(query, line.RootElement.GetProperty("what").GetString());
        Assert.Equal(1, line.RootElement.GetProperty("rows").GetInt64());
        Assert.Equal("ok", line.RootElement.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task A_failed_query_is_logged_without_the_error_which_can_quote_data()
    {
        var result = await cli.RunAsync("sql", "SELECT CAST(child_key AS INTEGER) FROM fact.consultation");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains(TestWarehouse.ChildKey, result.Error, StringComparison.Ordinal); // DuckDB quotes the value to the analyst
        var log = File.ReadAllText(cli.Settings.AccessLog);
        Assert.DoesNotContain(TestWarehouse.ChildKey, log, StringComparison.Ordinal);
        var entry = Assert.Single(AccessLog.Read(cli.Settings.AccessLog).Entries);
        Assert.Equal(("failed", (long?)null), (entry.Outcome, entry.Rows));
    }

    [Fact]
    public async Task Entries_are_appended_and_earlier_ones_kept()
    {
        await cli.RunAsync("sql", "SELECT 1");
        var first = File.ReadAllLines(cli.Settings.AccessLog);
        await cli.RunAsync("sql", "SELECT 2");
        await cli.RunAsync("export", "--table", "dim.locality", "--format", "csv");

        var lines = File.ReadAllLines(cli.Settings.AccessLog);

        Assert.Equal(3, lines.Length);
        Assert.Equal(first[0], lines[0]);
        var export = AccessLog.Read(cli.Settings.AccessLog).Entries[2];
        Assert.Equal(("export", 2L), (export.Command, export.Rows));
        Assert.Equal($"dim.locality as csv to {folder.PathOf("out", "dim.locality.csv")}", export.What);
    }

    [Fact]
    public async Task A_log_made_wider_by_hand_is_narrowed_to_owner_only()
    {
        if (OperatingSystem.IsWindows()) return;
        File.WriteAllText(cli.Settings.AccessLog, string.Empty);
        File.SetUnixFileMode(cli.Settings.AccessLog, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await cli.RunAsync("sql", "SELECT 1");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(cli.Settings.AccessLog));
    }

    [Fact]
    public async Task The_log_command_shows_the_entries()
    {
        await cli.RunAsync("sql", "SELECT 1 AS one");
        cli.UserName = "analyst2";
        await cli.RunAsync("sql", "SELECT 2 AS two");

        var result = await cli.RunAsync("log", "--format", "csv", "--last", "1");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal("at,user,command,rows,outcome,what\r\n2026-03-10 12:00:00 +00:00,analyst2,sql,1,ok,SELECT 2 AS two\r\n", result.Out);
    }
}
