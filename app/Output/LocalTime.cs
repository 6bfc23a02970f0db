using System.Globalization;

namespace Warehouse.App.Output;

/// <summary>Instants as the partnership reads them: local time in the settings' zone, with its offset.</summary>
internal static class LocalTime
{
    internal static string Format(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);

    internal static string? Format(DateTime? utc, TimeZoneInfo zone) =>
        utc is { } value ? Format(new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)), zone) : null;
}
