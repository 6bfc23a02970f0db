using Warehouse.App.Cli;
using Warehouse.App.Commands.Check;
using Warehouse.App.Commands.Load;
using Warehouse.App.Commands.Pack;
using Warehouse.App.Commands.Purge;
using Warehouse.App.Settings;
using Warehouse.App.Tasks;
using Warehouse.App.Tests.Support;

namespace Warehouse.App.Tests.Security;

/// <summary>
/// The <c>warehouse</c> command line in-process, as <see cref="CliHarness"/> runs it, but with the
/// real tasks, the shipped frameworks and a log that is kept: every command's output, errors and
/// log lines are recorded, because each is a place an identifier could leak to.
/// </summary>
internal sealed class RecordingCli(TestFolder folder, TimeProvider time)
{
    private readonly List<(string Command, CliResult Result)> runs = [];

    public Dictionary<string, string?> Variables { get; } = new(StringComparer.Ordinal)
    {
        ["WAREHOUSE_FRAMEWORKSFOLDER"] = Path.Combine(AppContext.BaseDirectory, "frameworks", "data"),
    };

    public LogRecorder Log { get; } = new();

    /// <summary>Tasks that <c>load</c>, <c>jobs run</c> and the other job commands run; the real ones unless a test replaces them.</summary>
    public List<IWarehouseTask> Tasks { get; } = [new LoadInboxTask(), new ChecksTask(), new MonthlyPacksTask(), new LocalityChartsTask(), new PurgeTask()];

    public WarehouseSettings Settings => SettingsLoader.Load(null, Variables, folder.Root);

    /// <summary>Every command run so far and what it printed.</summary>
    public IReadOnlyList<(string Command, CliResult Result)> Runs => runs;

    public async Task<CliResult> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new CliEnvironment
        {
            Out = output,
            Error = error,
            Interactive = false,
            Variables = Variables,
            WorkingDirectory = folder.Root,
            Time = time,
            Tasks = new TaskRegistry(Tasks),
            UserName = "analyst1",
            Logging = Log,
        };
        var code = await WarehouseCli.RunAsync(args, environment, CancellationToken.None);
        var result = new CliResult(code, output.ToString(), error.ToString());
        runs.Add((string.Join(' ', args), result));
        return result;
    }

    /// <summary>Runs a command that must succeed; a failure stops the test with what it printed.</summary>
    public async Task<CliResult> SucceedAsync(params string[] args)
    {
        var result = await RunAsync(args);
        Assert.True(result.ExitCode == ExitCodes.Success, $"'warehouse {string.Join(' ', args)}' failed ({result.ExitCode}): {result.Error}{result.Out}");
        return result;
    }
}
