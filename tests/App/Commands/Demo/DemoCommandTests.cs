using Warehouse.App.Cli;
using Warehouse.App.Tests.Support;

namespace Warehouse.App.Tests.Commands.Demo;

/// <summary>The README's first command, run as a new user would: no settings, no key, an empty folder.</summary>
public sealed class DemoCommandTests : IDisposable
{
    private readonly TestFolder folder = new();
    private readonly CliHarness cli;

    public DemoCommandTests()
    {
        cli = new CliHarness(folder) { Time = new FakeClock(TestData.Utc(2026, 11, 20, 9)) };
        // The shipped frameworks beside the test binaries, as beside the real program.
        cli.Variables["WAREHOUSE_FRAMEWORKSFOLDER"] = Path.Combine(AppContext.BaseDirectory, "frameworks", "data");
    }

    public void Dispose() => folder.Dispose();

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_demo_needs_no_configuration_and_writes_every_output()
    {
        var result = await cli.RunAsync("demo", "--consultations", "1500");

        Assert.True(result.ExitCode == ExitCodes.Success, result.Error);
        Assert.Contains("Created the demo's pseudonymisation key", result.Out, StringComparison.Ordinal);
        Assert.Contains("0 rejected", result.Out, StringComparison.Ordinal);
        Assert.Contains("Planted in the synthetic data", result.Out, StringComparison.Ordinal);
        foreach (var partnership in new[] { "warwickshire", "worcestershire" })
        {
            Assert.True(File.Exists(folder.PathOf("out", partnership, "2026-10", $"pack-{partnership}-2026-10.xlsx")), partnership);
            Assert.NotEmpty(Directory.GetFiles(folder.PathOf("out", partnership, "2026-10", "briefings"), "*.html"));
            Assert.True(File.Exists(folder.PathOf("out", "restricted", partnership, "2026-10", $"qa-{partnership}-2026-10.xlsx")));
        }
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(folder.PathOf("data", "demo", "warehouse.key")));

        // A second run starts from a fresh demo warehouse and keeps the demo's key.
        var again = await cli.RunAsync("demo", "--consultations", "1500");
        Assert.True(again.ExitCode == ExitCodes.Success, again.Error);
        Assert.DoesNotContain("Created the demo's pseudonymisation key", again.Out, StringComparison.Ordinal);
    }
}
