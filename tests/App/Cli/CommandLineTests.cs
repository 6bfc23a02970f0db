using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using Warehouse.App.Cli;
using Warehouse.App.Tasks;
using Warehouse.App.Tests.Support;

namespace Warehouse.App.Tests.Cli;

public sealed class CommandLineTests : IDisposable
{
    private readonly TestFolder folder = new();
    private readonly CliHarness cli;

    public CommandLineTests() => cli = new CliHarness(folder);

    public void Dispose() => folder.Dispose();

    public static TheoryData<string> EveryCommand()
    {
        var data = new TheoryData<string>();
        foreach (var path in CommandPaths()) data.Add(path);
        return data;
    }

    private static List<string> CommandPaths()
    {
        var environment = new CliEnvironment
        {
            Out = TextWriter.Null, Error = TextWriter.Null, Interactive = false, Variables = new Dictionary<string, string?>(),
            WorkingDirectory = ".", Time = TimeProvider.System, Tasks = new TaskRegistry([]), UserName = "x", Logging = NullLoggerFactory.Instance,
        };
        return [.. Paths(CommandTree.Build(new CommandRuntime(environment)), [])];
    }

    [Theory]
    [MemberData(nameof(EveryCommand))]
    public async Task Every_command_answers_help_with_its_usage(string path)
    {
        var result = await cli.RunAsync([.. path.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("Usage:", result.Out, StringComparison.Ordinal);
        Assert.Contains("--settings", result.Out, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public void The_tree_has_the_analyst_and_operations_commands()
    {
        Assert.Equal(["", "demo", "generate", "load", "key", "key create", "key rotate", "key check", "key recover", "check", "audit", "audit sample", "audit import", "audit findings", "frameworks", "frameworks list", "frameworks show", "purge", "subject",
            "pack", "sql", "export", "log", "serve", "jobs", "jobs list", "jobs run", "status", "backup", "restore"], CommandPaths());
    }

    [Fact]
    public async Task An_unknown_command_is_bad_usage()
    {
        var result = await cli.RunAsync("frobnicate");

        Assert.Equal(ExitCodes.BadUsage, result.ExitCode);
        Assert.Contains("Unrecognized command or argument 'frobnicate'.", result.Error, StringComparison.Ordinal);
        Assert.Contains("Run 'warehouse --help' for usage.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_command_at_all_is_bad_usage()
    {
        var result = await cli.RunAsync();

        Assert.Equal(ExitCodes.BadUsage, result.ExitCode);
        Assert.Contains("Required command was not provided.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_argument_is_bad_usage_and_points_at_the_command_help()
    {
        var result = await cli.RunAsync("sql");

        Assert.Equal(ExitCodes.BadUsage, result.ExitCode);
        Assert.Contains("Run 'warehouse sql --help' for usage.", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Out);
    }

    [Fact]
    public async Task An_option_value_outside_its_choices_is_bad_usage()
    {
        var result = await cli.RunAsync("sql", "SELECT 1", "--format", "xml");

        Assert.Equal(ExitCodes.BadUsage, result.ExitCode);
        Assert.Contains("'xml'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_setting_stops_any_command_with_exit_2_naming_it()
    {
        cli.Variables["WAREHOUSE_MINIMUMCASES"] = "many";

        var result = await cli.RunAsync("status");

        Assert.Equal(ExitCodes.BadUsage, result.ExitCode);
        Assert.Equal("Setting 'minimumCases' (from WAREHOUSE_MINIMUMCASES) must be a whole number from 1 to 1000000; it is 'many'.", result.Error.Trim());
    }

    [Fact]
    public async Task A_failure_is_exit_1_with_one_sentence_and_no_stack_trace()
    {
        var result = await cli.RunAsync("sql", "SELECT 1");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith("There is no warehouse at ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verbose_adds_the_stack_trace()
    {
        var result = await cli.RunAsync("sql", "SELECT 1", "--verbose");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Success_is_exit_0()
    {
        TestWarehouse.Create(cli.Settings.Warehouse);

        var result = await cli.RunAsync("sql", "SELECT 42 AS answer", "--format", "csv");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal("answer\r\n42\r\n", result.Out);
    }

    private static IEnumerable<string> Paths(Command command, string[] prefix)
    {
        var path = command is RootCommand ? prefix : [.. prefix, command.Name];
        yield return string.Join(' ', path);
        foreach (var child in command.Subcommands)
        {
            foreach (var descendant in Paths(child, path)) yield return descendant;
        }
    }
}
