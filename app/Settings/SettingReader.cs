using System.Globalization;

namespace Warehouse.App.Settings;

/// <summary>Turns raw setting values into typed ones, recording each problem by setting name.</summary>
internal sealed class SettingReader(IReadOnlyDictionary<string, RawSetting> raw, List<string> problems, string workingDirectory)
{
    internal string Folder(string name, string fallback)
    {
        var path = Path(name, fallback);
        if (path is null) return fallback;
        var problem = FolderProblem(path);
        if (problem is not null) Report(name, $"cannot be a folder: {problem}");
        return path;
    }

    internal string FilePath(string name, string fallback)
    {
        var path = Path(name, fallback);
        if (path is null) return fallback;
        if (Directory.Exists(path)) Report(name, $"must name a file, but '{path}' is a folder");
        else
        {
            var parent = System.IO.Path.GetDirectoryName(path);
            var problem = parent is null ? null : FolderProblem(parent);
            if (problem is not null) Report(name, $"cannot be created: {problem}");
        }
        return path;
    }

    internal int Integer(string name, int fallback, int min, int max)
    {
        if (!raw.TryGetValue(name, out var value)) return fallback;
        if (!int.TryParse(value.Value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            Report(name, $"must be a whole number from {min} to {max}; it is '{value.Value}'");
            return fallback;
        }
        if (number < min || number > max) Report(name, $"must be a whole number from {min} to {max}; it is {number}");
        return number;
    }

    internal double Number(string name, double fallback, double min, double max)
    {
        if (!raw.TryGetValue(name, out var value)) return fallback;
        if (!double.TryParse(value.Value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
        {
            Report(name, $"must be a number from {SettingsLoader.Show(min)} to {SettingsLoader.Show(max)}; it is '{value.Value}'");
            return fallback;
        }
        if (number < min || number > max) Report(name, $"must be a number from {SettingsLoader.Show(min)} to {SettingsLoader.Show(max)}; it is {SettingsLoader.Show(number)}");
        return number;
    }

    internal TimeZoneInfo TimeZone(string name, string fallback)
    {
        var id = raw.TryGetValue(name, out var value) ? value.Value.Trim() : fallback;
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            Report(name, $"must be an IANA time zone such as Europe/London; '{id}' is not one this machine knows");
            return TimeZoneInfo.Utc;
        }
    }

    private string? Path(string name, string fallback)
    {
        var text = raw.TryGetValue(name, out var value) ? value.Value.Trim() : fallback;
        if (text.Length == 0)
        {
            Report(name, "must be a path; it is empty");
            return null;
        }
        try
        {
            if (text.Contains('\0', StringComparison.Ordinal)) throw new ArgumentException("A path cannot hold a NUL character.");
            return System.IO.Path.GetFullPath(text, workingDirectory);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            Report(name, $"is not a usable path ('{text.Replace("\0", "\\0", StringComparison.Ordinal)}')");
            return null;
        }
    }

    /// <summary>Why a path can never be a folder (it or one of its parents is a file), or null.</summary>
    private static string? FolderProblem(string path)
    {
        if (File.Exists(path)) return $"'{path}' is a file";
        for (var parent = System.IO.Path.GetDirectoryName(path); parent is not null; parent = System.IO.Path.GetDirectoryName(parent))
        {
            if (File.Exists(parent)) return $"'{parent}' is a file";
        }
        return null;
    }

    private void Report(string name, string problem)
    {
        var source = raw.TryGetValue(name, out var value) ? $" (from {value.Source})" : string.Empty;
        problems.Add($"Setting '{name}'{source} {problem}.");
    }
}
