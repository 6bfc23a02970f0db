namespace Warehouse.App.Settings;

/// <summary>
/// The name of every setting, as written in <c>warehouse.json</c> (any letter case) and, upper-cased
/// after <c>WAREHOUSE_</c>, as an environment variable (underscores inside the name are ignored:
/// WAREHOUSE_DATAFOLDER and WAREHOUSE_DATA_FOLDER are the same setting).
/// </summary>
internal static class SettingNames
{
    internal const string DataFolder = "dataFolder";
    internal const string Warehouse = "warehouse";
    internal const string KeyFile = "keyFile";
    internal const string Inbox = "inbox";
    internal const string OutputFolder = "outputFolder";
    internal const string RestrictedOutputFolder = "restrictedOutputFolder";
    internal const string SchedulesFile = "schedulesFile";
    internal const string FrameworksFolder = "frameworksFolder";
    internal const string BankHolidaysFile = "bankHolidaysFile";
    internal const string TimeZone = "timeZone";
    internal const string ProcessedRetentionDays = "processedRetentionDays";
    internal const string RejectShareThreshold = "rejectShareThreshold";
    internal const string ActualLevelWindowDays = "actualLevelWindowDays";
    internal const string DisclosureThreshold = "disclosureThreshold";
    internal const string MinimumCases = "minimumCases";
    internal const string DecisionWorkingDays = "decisionWorkingDays";
    internal const string HighPathwayToChangeScore = "highPathwayToChangeScore";
    internal const string RetentionYears = "retentionYears";

    internal static readonly IReadOnlyList<string> All =
    [
        DataFolder, Warehouse, KeyFile, Inbox, OutputFolder, RestrictedOutputFolder, SchedulesFile,
        FrameworksFolder, BankHolidaysFile, TimeZone, ProcessedRetentionDays, RejectShareThreshold, ActualLevelWindowDays,
        DisclosureThreshold, MinimumCases, DecisionWorkingDays, HighPathwayToChangeScore, RetentionYears,
    ];

    /// <summary>The setting a file key or environment-variable suffix names, or null.</summary>
    internal static string? Match(string key)
    {
        var plain = key.Replace("_", string.Empty, StringComparison.Ordinal);
        return All.FirstOrDefault(name => string.Equals(name, plain, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The environment variable that overrides a setting.</summary>
    internal static string EnvironmentVariable(string name) => SettingsLoader.EnvironmentPrefix + name.ToUpperInvariant();
}
