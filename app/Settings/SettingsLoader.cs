using System.Globalization;
using System.Text.Json;

namespace Warehouse.App.Settings;

/// <summary>
/// Reads the settings: the defaults, then the settings file, then <c>WAREHOUSE_&lt;NAME&gt;</c>
/// environment variables. Every problem (an unknown key, a number that is not one, an unknown
/// time zone, a path that cannot be a folder) is collected and reported together, by name.
/// </summary>
internal static class SettingsLoader
{
    internal const string DefaultFileName = "warehouse.json";
    internal const string EnvironmentPrefix = "WAREHOUSE_";

    private static readonly JsonDocumentOptions JsonOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads the settings.</summary>
    /// <param name="settingsFile">The <c>--settings</c> file, or null for <c>warehouse.json</c> in the working directory when it exists.</param>
    /// <param name="environment">The process environment (only <c>WAREHOUSE_</c> variables are read).</param>
    /// <param name="workingDirectory">What relative paths are resolved against.</param>
    /// <exception cref="SettingsException">A setting is wrong; every problem is named.</exception>
    internal static WarehouseSettings Load(string? settingsFile, IReadOnlyDictionary<string, string?> environment, string workingDirectory)
    {
        var raw = new Dictionary<string, RawSetting>(StringComparer.Ordinal);
        var problems = new List<string>();

        var file = settingsFile is null ? Path.Combine(workingDirectory, DefaultFileName) : Path.GetFullPath(settingsFile, workingDirectory);
        if (File.Exists(file)) ReadFile(file, raw, problems);
        else if (settingsFile is not null) problems.Add($"The settings file '{file}' does not exist.");
        ReadEnvironment(environment, raw, problems);

        var reader = new SettingReader(raw, problems, workingDirectory);
        var dataFolder = reader.Folder(SettingNames.DataFolder, "data");
        var outputFolder = reader.Folder(SettingNames.OutputFolder, "out");
        var frameworksFolder = reader.Folder(SettingNames.FrameworksFolder, Path.Combine(AppContext.BaseDirectory, "frameworks", "data"));
        var settings = new WarehouseSettings
        {
            DataFolder = dataFolder,
            Warehouse = reader.FilePath(SettingNames.Warehouse, Path.Combine(dataFolder, "warehouse.duckdb")),
            KeyFile = reader.FilePath(SettingNames.KeyFile, Path.Combine(dataFolder, "warehouse.key")),
            Inbox = reader.Folder(SettingNames.Inbox, Path.Combine(dataFolder, "inbox")),
            OutputFolder = outputFolder,
            RestrictedOutputFolder = reader.Folder(SettingNames.RestrictedOutputFolder, Path.Combine(outputFolder, "restricted")),
            SchedulesFile = reader.FilePath(SettingNames.SchedulesFile, "schedules.json"),
            FrameworksFolder = frameworksFolder,
            BankHolidaysFile = reader.FilePath(SettingNames.BankHolidaysFile, Path.Combine(frameworksFolder, "common", "bank-holidays.csv")),
            TimeZone = reader.TimeZone(SettingNames.TimeZone, "Europe/London"),
            ProcessedRetentionDays = reader.Integer(SettingNames.ProcessedRetentionDays, 30, 0, 3650),
            RejectShareThreshold = reader.Number(SettingNames.RejectShareThreshold, 0.5, 0, 1),
            ActualLevelWindowDays = reader.Integer(SettingNames.ActualLevelWindowDays, 30, 1, 366),
            DisclosureThreshold = reader.Integer(SettingNames.DisclosureThreshold, 5, 1, 1000),
            MinimumCases = reader.Integer(SettingNames.MinimumCases, 20, 1, 1_000_000),
            DecisionWorkingDays = reader.Integer(SettingNames.DecisionWorkingDays, 1, 0, 60),
            HighPathwayToChangeScore = reader.Integer(SettingNames.HighPathwayToChangeScore, 8, 0, 10),
            RetentionYears = reader.Integer(SettingNames.RetentionYears, 6, 1, 100),
        };
        if (problems.Count > 0) throw new SettingsException(problems);
        return settings;
    }

    private static void ReadFile(string file, Dictionary<string, RawSetting> raw, List<string> problems)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(file), JsonOptions);
        }
        catch (JsonException e)
        {
            problems.Add($"The settings file '{file}' is not valid JSON (line {(e.LineNumber ?? 0) + 1}): {FirstSentence(e.Message)}");
            return;
        }
        catch (IOException e)
        {
            problems.Add($"The settings file '{file}' cannot be read: {e.Message}");
            return;
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"The settings file '{file}' must hold one JSON object of settings.");
                return;
            }
            var source = Path.GetFileName(file);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var name = SettingNames.Match(property.Name);
                if (name is null)
                {
                    problems.Add($"Setting '{property.Name}' in {source} is not a known setting (known: {string.Join(", ", SettingNames.All)}).");
                    continue;
                }
                var value = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Number => property.Value.GetRawText(),
                    _ => null,
                };
                if (value is null)
                {
                    problems.Add($"Setting '{name}' in {source} must be a string or a number, not {property.Value.ValueKind.ToString().ToLowerInvariant()}.");
                    continue;
                }
                raw[name] = new RawSetting(value, source);
            }
        }
    }

    private static void ReadEnvironment(IReadOnlyDictionary<string, string?> environment, Dictionary<string, RawSetting> raw, List<string> problems)
    {
        foreach (var (variable, value) in environment.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (!variable.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase) || value is null) continue;
            // Not a setting but the pseudonymisation key itself, read by the ETL (never from a settings file).
            if (string.Equals(variable, Warehouse.Etl.Pseudonymisation.PseudonymKeyChain.EnvironmentVariable, StringComparison.OrdinalIgnoreCase)) continue;
            var name = SettingNames.Match(variable[EnvironmentPrefix.Length..]);
            if (name is null)
            {
                problems.Add($"Environment variable '{variable}' is not a known setting (known: {string.Join(", ", SettingNames.All.Select(SettingNames.EnvironmentVariable))}).");
                continue;
            }
            raw[name] = new RawSetting(value, variable);
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }

    /// <summary>Formats a number for a message, whatever the machine's culture.</summary>
    internal static string Show(double value) => value.ToString(CultureInfo.InvariantCulture);
}
