using Warehouse.App.Settings;
using Warehouse.App.Tests.Support;

namespace Warehouse.App.Tests.Settings;

public sealed class SettingsLoaderTests : IDisposable
{
    private readonly TestFolder folder = new();
    private readonly Dictionary<string, string?> environment = new(StringComparer.Ordinal);

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Without_a_settings_file_every_default_applies()
    {
        var settings = Load();

        Assert.Equal(folder.PathOf("data"), settings.DataFolder);
        Assert.Equal(folder.PathOf("data", "warehouse.duckdb"), settings.Warehouse);
        Assert.Equal(folder.PathOf("data", "warehouse.key"), settings.KeyFile);
        Assert.Equal(folder.PathOf("data", "inbox"), settings.Inbox);
        Assert.Equal(folder.PathOf("out"), settings.OutputFolder);
        Assert.Equal(folder.PathOf("out", "restricted"), settings.RestrictedOutputFolder);
        Assert.Equal(folder.PathOf("schedules.json"), settings.SchedulesFile);
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "frameworks", "data"), settings.FrameworksFolder);
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "frameworks", "data", "common", "bank-holidays.csv"), settings.BankHolidaysFile);
        Assert.Equal("Europe/London", settings.TimeZone.Id);
        Assert.Equal(30, settings.ProcessedRetentionDays);
        Assert.Equal(0.5, settings.RejectShareThreshold);
        Assert.Equal(30, settings.ActualLevelWindowDays);
        Assert.Equal(5, settings.DisclosureThreshold);
        Assert.Equal(20, settings.MinimumCases);
        Assert.Equal(1, settings.DecisionWorkingDays);
        Assert.Equal(8, settings.HighPathwayToChangeScore);
        Assert.Equal(6, settings.RetentionYears);
        Assert.Equal(folder.PathOf("data", "warehouse.access.log"), settings.AccessLog);
        Assert.Equal(folder.PathOf("data", "warehouse.duckdb.running"), settings.RunningMarker);
    }

    [Fact]
    public void The_settings_file_overrides_defaults_and_moves_the_paths_under_its_data_folder()
    {
        folder.Write("warehouse.json", """
            {
              // Comments are allowed: the example file explains every setting this way.
              "dataFolder": "store",
              "DecisionWorkingDays": 2,
              "rejectShareThreshold": "0.25",
            }
            """);

        var settings = Load();

        Assert.Equal(folder.PathOf("store", "warehouse.duckdb"), settings.Warehouse);
        Assert.Equal(folder.PathOf("store", "inbox"), settings.Inbox);
        Assert.Equal(2, settings.DecisionWorkingDays);
        Assert.Equal(0.25, settings.RejectShareThreshold);
    }

    [Fact]
    public void Environment_variables_override_the_settings_file()
    {
        folder.Write("warehouse.json", """{ "decisionWorkingDays": 2, "minimumCases": 40 }""");
        environment["WAREHOUSE_DECISIONWORKINGDAYS"] = "3";
        environment["WAREHOUSE_DATAFOLDER"] = folder.PathOf("elsewhere");
        environment["WAREHOUSE_HIGH_PATHWAY_TO_CHANGE_SCORE"] = "9";
        environment["PATH"] = "/usr/bin"; // not ours: ignored

        var settings = Load();

        Assert.Equal(3, settings.DecisionWorkingDays);
        Assert.Equal(40, settings.MinimumCases);
        Assert.Equal(9, settings.HighPathwayToChangeScore);
        Assert.Equal(folder.PathOf("elsewhere", "warehouse.duckdb"), settings.Warehouse);
    }

    [Fact]
    public void An_explicit_settings_file_is_read_instead_of_warehouse_json()
    {
        folder.Write("warehouse.json", """{ "minimumCases": 40 }""");
        var other = folder.Write("conf/other.json", """{ "minimumCases": 50, "timeZone": "Europe/Dublin" }""");

        var settings = SettingsLoader.Load(other, environment, folder.Root);

        Assert.Equal(50, settings.MinimumCases);
        Assert.Equal("Europe/Dublin", settings.TimeZone.Id);
    }

    [Theory]
    [InlineData("""{ "dataFoldr": "x" }""", "Setting 'dataFoldr' in warehouse.json is not a known setting")]
    [InlineData("""{ "minimumCases": "twenty" }""", "Setting 'minimumCases' (from warehouse.json) must be a whole number from 1 to 1000000; it is 'twenty'.")]
    [InlineData("""{ "disclosureThreshold": 2.5 }""", "Setting 'disclosureThreshold' (from warehouse.json) must be a whole number")]
    [InlineData("""{ "rejectShareThreshold": 1.5 }""", "Setting 'rejectShareThreshold' (from warehouse.json) must be a number from 0 to 1; it is 1.5.")]
    [InlineData("""{ "highPathwayToChangeScore": 11 }""", "Setting 'highPathwayToChangeScore' (from warehouse.json) must be a whole number from 0 to 10")]
    [InlineData("""{ "timeZone": "Europe/Londn" }""", "Setting 'timeZone' (from warehouse.json) must be an IANA time zone such as Europe/London; 'Europe/Londn' is not")]
    [InlineData("""{ "inbox": { "path": "x" } }""", "Setting 'inbox' in warehouse.json must be a string or a number, not object.")]
    [InlineData("""{ "outputFolder": "" }""", "Setting 'outputFolder' (from warehouse.json) must be a path; it is empty.")]
    [InlineData("""{ "retentionYears": 0 }""", "Setting 'retentionYears' (from warehouse.json) must be a whole number from 1 to 100; it is 0.")]
    public void A_wrong_value_in_the_file_is_reported_by_name(string json, string expected)
    {
        folder.Write("warehouse.json", json);

        var error = Assert.Throws<SettingsException>(Load);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_setting_under_a_file_is_reported_by_name()
    {
        folder.Write("blocker", "a file, not a folder");
        folder.Write("warehouse.json", """{ "outputFolder": "blocker/out" }""");

        var error = Assert.Throws<SettingsException>(Load);

        Assert.Contains($"Setting 'outputFolder' (from warehouse.json) cannot be a folder: '{folder.PathOf("blocker")}' is a file.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_setting_that_names_a_folder_is_reported_by_name()
    {
        Directory.CreateDirectory(folder.PathOf("data", "warehouse.duckdb"));

        var error = Assert.Throws<SettingsException>(Load);

        Assert.Contains("Setting 'warehouse' must name a file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_environment_variable_and_a_bad_one_are_both_reported()
    {
        environment["WAREHOUSE_COLOUR"] = "blue";
        environment["WAREHOUSE_MINIMUMCASES"] = "lots";

        var error = Assert.Throws<SettingsException>(Load);

        Assert.Equal(2, error.Problems.Count);
        Assert.Contains("Environment variable 'WAREHOUSE_COLOUR' is not a known setting", error.Message, StringComparison.Ordinal);
        Assert.Contains("Setting 'minimumCases' (from WAREHOUSE_MINIMUMCASES) must be a whole number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_settings_file_that_is_not_json_is_reported_with_its_line()
    {
        folder.Write("warehouse.json", "{\n  \"minimumCases\": 20\n  \"inbox\": \"x\"\n}");

        var error = Assert.Throws<SettingsException>(Load);

        Assert.Contains("warehouse.json' is not valid JSON (line 3)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_explicit_settings_file_is_reported()
    {
        var error = Assert.Throws<SettingsException>(() => SettingsLoader.Load("nope.json", environment, folder.Root));

        Assert.Contains($"The settings file '{folder.PathOf("nope.json")}' does not exist.", error.Message, StringComparison.Ordinal);
    }

    private WarehouseSettings Load() => SettingsLoader.Load(null, environment, folder.Root);
}
