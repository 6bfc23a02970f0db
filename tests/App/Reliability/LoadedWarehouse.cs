using Warehouse.App.Cli;
using Warehouse.App.Commands.Load;
using Warehouse.App.Tests.Support;
using Warehouse.Etl.Pseudonymisation;
using Warehouse.Store.DuckDb;
using Warehouse.Synthetic;

namespace Warehouse.App.Tests.Reliability;

/// <summary>
/// A warehouse loaded once for the reliability tests: synthetic Warwickshire data for January to May
/// 2026, 5,000 consultations – enough that a check run takes a second or more – with its key.
/// June's consultations file is held back for a test that loads it. Each test copies it.
/// </summary>
public sealed class LoadedWarehouse : IAsyncLifetime, IDisposable
{
    private readonly TestFolder folder = new();

    /// <summary>Consultations in the warehouse.</summary>
    public long Consultations { get; private set; }

    /// <summary>June's consultations file, never loaded into the template.</summary>
    public string JuneConsultations => folder.PathOf("held-back", "consultations-2026-06.csv");

    public async Task InitializeAsync()
    {
        var inbox = folder.PathOf("data", "inbox");
        SyntheticGenerator.Generate(new GeneratorOptions
        {
            Seed = 20260601,
            OutputFolder = inbox,
            Partnerships = ["warwickshire"],
            Start = new DateOnly(2026, 1, 1),
            Months = 6,
            ConsultationsPerPartnership = 6_000,
            Messy = false,
        });
        Directory.CreateDirectory(folder.PathOf("held-back"));
        foreach (var june in Directory.GetFiles(Path.Combine(inbox, "warwickshire"), "*2026-06*"))
        {
            File.Move(june, folder.PathOf("held-back", Path.GetFileName(june)));
        }
        var cli = Cli(folder);
        PseudonymKeyChain.Create(cli.Settings.KeyFile);

        var load = await cli.RunAsync("load");

        Assert.True(load.ExitCode == ExitCodes.Success, "The template warehouse did not load: " + load.Error);
        using var warehouse = new DuckDbConnection(cli.Settings.Warehouse);
        warehouse.Open();
        Consultations = warehouse.Scalar<long>("SELECT count(*) FROM fact.consultation");
        Assert.True(Consultations > 4_000, "The template warehouse holds too few consultations.");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => folder.Dispose();

    /// <summary>Copies the warehouse and its key into <c>data/</c> of <paramref name="target"/>, the default places.</summary>
    public void CopyTo(TestFolder target)
    {
        var data = target.PathOf("data");
        Directory.CreateDirectory(data);
        foreach (var name in new[] { "warehouse.duckdb", "warehouse.key" })
        {
            File.Copy(folder.PathOf("data", name), Path.Combine(data, name));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Path.Combine(data, name), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <summary>The command line in-process, with the real tasks and frameworks, on the system clock.</summary>
    internal static CliHarness Cli(TestFolder folder)
    {
        var cli = new CliHarness(folder) { Time = TimeProvider.System };
        cli.Variables["WAREHOUSE_FRAMEWORKSFOLDER"] = Path.Combine(AppContext.BaseDirectory, "frameworks", "data");
        cli.Tasks.Add(new LoadInboxTask());
        return cli;
    }
}
