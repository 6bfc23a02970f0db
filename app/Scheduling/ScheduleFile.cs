using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Quartz;
using Warehouse.App.Scheduling.Calendars;
using Warehouse.App.Settings;

namespace Warehouse.App.Scheduling;

/// <summary>
/// Reads <c>schedules.json</c> and checks all of it before anything is scheduled: a bad cron
/// expression, an unknown calendar, a chained job that names no job, a missing misfire policy –
/// each is reported with its job's name, all at once.
/// </summary>
internal static partial class ScheduleFile
{
    private static readonly JsonDocumentOptions JsonOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
    private static readonly HashSet<string> JobKeys = ["name", "description", "cron", "calendar", "after", "when", "misfire", "retries", "backoff"];
    private static readonly HashSet<string> RootKeys = ["$schema", "description", "timeZone", "jobs"];

    /// <summary>Reads the schedule named by the settings.</summary>
    internal static Schedule Load(WarehouseSettings settings)
    {
        if (!File.Exists(settings.SchedulesFile))
            throw new ScheduleException($"The schedule file '{settings.SchedulesFile}' (setting '{SettingNames.SchedulesFile}') does not exist.");
        return Parse(File.ReadAllText(settings.SchedulesFile), Path.GetFileName(settings.SchedulesFile), settings.TimeZone);
    }

    /// <summary>Parses and checks schedule text; <paramref name="source"/> names it in messages.</summary>
    internal static Schedule Parse(string json, string source, TimeZoneInfo defaultZone)
    {
        var problems = new List<string>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new ScheduleException($"{source} is not valid JSON (line {((e.LineNumber ?? 0) + 1).ToString(CultureInfo.InvariantCulture)}).");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new ScheduleException($"{source} must hold one JSON object with a 'jobs' list.");
            foreach (var property in root.EnumerateObject().Where(p => !RootKeys.Contains(p.Name)))
                problems.Add($"{source} has an unknown entry '{property.Name}' (known: {string.Join(", ", RootKeys)}).");

            var zone = defaultZone;
            if (root.TryGetProperty("timeZone", out var zoneElement))
            {
                var id = zoneElement.ValueKind == JsonValueKind.String ? zoneElement.GetString() ?? string.Empty : zoneElement.ToString();
                if (!TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found)) problems.Add($"{source}: time zone '{id}' is not one this machine knows.");
                else zone = found;
            }

            var jobs = new List<JobDefinition>();
            if (!root.TryGetProperty("jobs", out var list) || list.ValueKind != JsonValueKind.Array)
                problems.Add($"{source} must have a 'jobs' list.");
            else
            {
                var index = 0;
                foreach (var element in list.EnumerateArray())
                {
                    index++;
                    if (ReadJob(element, index, source, zone, problems) is { } job) jobs.Add(job);
                }
            }
            CheckNamesAndChains(jobs, source, problems);
            if (problems.Count > 0) throw new ScheduleException(problems);
            return new Schedule(source, zone, jobs);
        }
    }

    private static JobDefinition? ReadJob(JsonElement element, int index, string source, TimeZoneInfo zone, List<string> problems)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{source}: job {index.ToString(CultureInfo.InvariantCulture)} must be an object.");
            return null;
        }
        var name = Text(element, "name");
        if (name is null || !JobName().IsMatch(name))
        {
            problems.Add($"{source}: job {index.ToString(CultureInfo.InvariantCulture)} needs a 'name' of lower-case letters, digits and hyphens (got '{name}').");
            return null;
        }
        var where = $"{source}: job '{name}'";
        foreach (var property in element.EnumerateObject().Where(p => !JobKeys.Contains(p.Name)))
            problems.Add($"{where} has an unknown entry '{property.Name}' (known: {string.Join(", ", JobKeys)}).");

        var cron = Text(element, "cron");
        var calendar = Text(element, "calendar");
        var after = Text(element, "after");
        if ((cron is null) == (after is null)) problems.Add($"{where} needs exactly one of 'cron' (a clock trigger) and 'after' (chained to another job).");
        if (cron is not null)
        {
            try
            {
                _ = CronExpression.Parse(cron).WithTimeZone(zone);
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                problems.Add($"{where} has a bad cron expression '{cron}': {e.Message.Split('\n')[0].Trim()}");
            }
        }
        if (calendar is not null && !ScheduleCalendars.Known.Contains(calendar))
            problems.Add($"{where} names an unknown calendar '{calendar}' (known: {string.Join(", ", ScheduleCalendars.Known)}).");
        if (calendar is not null && after is not null) problems.Add($"{where} is chained, so it cannot have a calendar.");
        var when = Text(element, "when");
        if (when is not null && when != "new-data") problems.Add($"{where}: 'when' can only be 'new-data' (got '{when}').");
        if (when is not null && after is null) problems.Add($"{where}: 'when' needs 'after'.");

        var misfire = Text(element, "misfire") switch
        {
            "fire-once-now" => MisfirePolicy.FireOnceNow,
            "skip" => MisfirePolicy.Skip,
            var other => Problem<MisfirePolicy>(problems, $"{where} needs 'misfire': 'fire-once-now' or 'skip' (got '{other}')."),
        };
        var retry = ReadRetry(element, where, problems);
        return new JobDefinition
        {
            Name = name,
            Description = Text(element, "description") ?? string.Empty,
            Cron = cron,
            Calendar = calendar,
            After = after,
            Misfire = misfire,
            Retry = retry,
        };
    }

    private static RetryRule ReadRetry(JsonElement element, string where, List<string> problems)
    {
        if (!element.TryGetProperty("retries", out var retriesElement) || !retriesElement.TryGetInt32(out var retries) || retries is < 0 or > 10)
        {
            problems.Add($"{where} needs 'retries': a whole number from 0 to 10.");
            return RetryRule.None;
        }
        var backoffText = Text(element, "backoff");
        if (retries == 0 && backoffText is null) return RetryRule.None;
        if (!TimeSpan.TryParseExact(backoffText, "c", CultureInfo.InvariantCulture, out var backoff) || backoff <= TimeSpan.Zero || backoff > RetryRule.MaxDelay)
        {
            problems.Add($"{where} needs 'backoff' as hh:mm:ss, more than zero and at most 06:00:00 (got '{backoffText}').");
            return RetryRule.None;
        }
        return new RetryRule(retries, backoff);
    }

    private static void CheckNamesAndChains(List<JobDefinition> jobs, string source, List<string> problems)
    {
        foreach (var duplicate in jobs.GroupBy(j => j.Name).Where(g => g.Count() > 1))
            problems.Add($"{source}: job '{duplicate.Key}' is declared {duplicate.Count().ToString(CultureInfo.InvariantCulture)} times.");
        var names = jobs.Select(j => j.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var job in jobs.Where(j => j.After is not null))
        {
            if (!names.Contains(job.After!)) problems.Add($"{source}: job '{job.Name}' is chained after an unknown job '{job.After}'.");
            else if (ChainLoops(job, jobs)) problems.Add($"{source}: job '{job.Name}' is chained in a loop.");
        }
    }

    private static bool ChainLoops(JobDefinition start, List<JobDefinition> jobs)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { start.Name };
        for (var current = start; current.After is not null;)
        {
            if (!seen.Add(current.After)) return true;
            var next = jobs.FirstOrDefault(j => j.Name == current.After);
            if (next is null) return false;
            current = next;
        }
        return false;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static T Problem<T>(List<string> problems, string problem)
        where T : struct
    {
        problems.Add(problem);
        return default;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex JobName();
}
