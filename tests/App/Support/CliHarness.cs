using Microsoft.Extensions.Logging.Abstractions;
using Warehouse.App.Cli;
using Warehouse.App.Settings;
using Warehouse.App.Tasks;

namespace Warehouse.App.Tests.Support;

/// <summary>Runs the <c>warehouse</c> command line in-process against a test folder.</summary>
internal sealed class CliHarness(TestFolder folder)
{
    // The frameworks folder defaults to the copy beside the program; tests use the test folder's
    // own (frameworks/data under it), so that a test can remove a file from it.
    public Dictionary<string, string?> Variables { get; } = new(StringComparer.Ordinal)
    {
        ["WAREHOUSE_FRAMEWORKSFOLDER"] = System.IO.Path.Combine(folder.Root, "frameworks", "data"),
    };

    public List<IWarehouseTask> Tasks { get; } = [];

    public TimeProvider Time { get; set; } = new FakeClock(TestData.Utc(2026, 3, 10, 12));

    public string UserName { get; set; } = "analyst1";

    public WarehouseSettings Settings => SettingsLoader.Load(null, Variables, folder.Root);

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
            Time = Time,
            Tasks = new TaskRegistry(Tasks),
            UserName = UserName,
            Logging = NullLoggerFactory.Instance,
        };
        var code = await WarehouseCli.RunAsync(args, environment, CancellationToken.None);
        return new CliResult(code, output.ToString(), error.ToString());
    }
}
