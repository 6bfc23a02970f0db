using Microsoft.Extensions.Logging.Abstractions;
using Warehouse.App.Cli;
using Warehouse.App.Tasks;
using Warehouse.App.Tests.Support;

namespace Warehouse.App.Tests.Commands.Serve;

public sealed class ServeCommandTests : IDisposable
{
    private readonly TestFolder folder = new();
    private readonly CliHarness cli;

    public ServeCommandTests()
    {
        cli = new CliHarness(folder);
        folder.Write("schedules.json", TestData.Schedule);
        folder.Write("frameworks/data/common/bank-holidays.csv", TestData.BankHolidays);
    }

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Serve_refuses_to_start_naming_every_scheduled_job_without_a_task()
    {
        cli.Tasks.Add(new FakeTask("load-inbox"));

        var result = await cli.RunAsync("serve");

        Assert.Equal(ExitCodes.BadUsage, result.ExitCode);
        Assert.Equal("schedules.json schedules jobs this build cannot run yet (no task is registered): checks, monthly-packs, locality-charts, purge. "
            + "Register their tasks in Program.cs, or remove them from the schedule.", result.Error.Trim());
    }

    [Fact]
    public async Task Serve_names_a_bad_calendar_before_starting()
    {
        folder.Write("schedules.json", """{ "jobs": [ { "name": "monthly-packs", "cron": "0 0 7 * * ?", "calendar": "first-monday", "misfire": "skip", "retries": 0 } ] }""");
        cli.Tasks.Add(new FakeTask("monthly-packs"));

        var result = await cli.RunAsync("serve");

        Assert.Equal(ExitCodes.BadUsage, result.ExitCode);
        Assert.Contains("job 'monthly-packs' names an unknown calendar 'first-monday'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_names_a_missing_bank_holiday_file_by_its_setting()
    {
        File.Delete(folder.PathOf("frameworks", "data", "common", "bank-holidays.csv"));
        foreach (var job in new[] { "load-inbox", "checks", "monthly-packs", "locality-charts", "purge" }) cli.Tasks.Add(new FakeTask(job));

        var result = await cli.RunAsync("serve");

        Assert.Equal(ExitCodes.BadUsage, result.ExitCode);
        Assert.Contains("(setting 'bankHolidaysFile') does not exist", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_starts_and_stops_cleanly_when_asked_to_stop()
    {
        foreach (var job in new[] { "load-inbox", "checks", "monthly-packs", "locality-charts", "purge" }) cli.Tasks.Add(new FakeTask(job));
        var error = new StringWriter();
        var environment = new CliEnvironment
        {
            Out = new StringWriter(), Error = error, Interactive = false, Variables = cli.Variables, WorkingDirectory = folder.Root,
            Time = cli.Time, Tasks = new TaskRegistry(cli.Tasks), UserName = "ops", Logging = NullLoggerFactory.Instance,
        };
        using var stop = new CancellationTokenSource();
        await stop.CancelAsync(); // Ctrl+C already pressed: serve starts, then stops at once

        var code = await WarehouseCli.RunAsync(["serve"], environment, stop.Token);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("Serving 5 jobs from", error.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("Stopped.", error.ToString().Trim(), StringComparison.Ordinal);
    }
}
