namespace Warehouse.App.Tests.Support;

/// <summary>Small fixed inputs the tests share.</summary>
internal static class TestData
{
    /// <summary>England and Wales bank holidays 2026–2029 (gov.uk), in the reference file's format.</summary>
    internal const string BankHolidays = """
        date,name
        2026-01-01,New Year's Day
        2026-04-03,Good Friday
        2026-04-06,Easter Monday
        2026-05-04,Early May bank holiday
        2026-05-25,Spring bank holiday
        2026-08-31,Summer bank holiday
        2026-12-25,Christmas Day
        2026-12-28,Boxing Day (substitute day)
        2027-01-01,New Year's Day
        2027-03-26,Good Friday
        2027-03-29,Easter Monday
        2027-05-03,Early May bank holiday
        2027-05-31,Spring bank holiday
        2027-08-30,Summer bank holiday
        2027-12-27,Christmas Day (substitute day)
        2027-12-28,Boxing Day (substitute day)
        2028-01-03,New Year's Day (substitute day)
        2028-04-14,Good Friday
        2028-04-17,Easter Monday
        2028-05-01,Early May bank holiday
        2028-05-29,Spring bank holiday
        2028-08-28,Summer bank holiday
        2028-12-25,Christmas Day
        2028-12-26,Boxing Day
        2029-01-01,New Year's Day
        2029-03-30,Good Friday
        2029-04-02,Easter Monday
        2029-05-07,Early May bank holiday
        2029-05-28,Spring bank holiday
        2029-08-27,Summer bank holiday
        2029-12-25,Christmas Day
        2029-12-26,Boxing Day
        """;

    /// <summary>A schedule like the repository's, for tests that need the five jobs.</summary>
    internal const string Schedule = """
        {
          "timeZone": "Europe/London",
          "jobs": [
            { "name": "load-inbox", "cron": "0 30 1 * * ?", "misfire": "fire-once-now", "retries": 3, "backoff": "00:05:00" },
            { "name": "checks", "after": "load-inbox", "when": "new-data", "misfire": "skip", "retries": 0 },
            { "name": "monthly-packs", "cron": "0 0 7 * * ?", "calendar": "first-working-day-of-month", "misfire": "fire-once-now", "retries": 1, "backoff": "00:10:00" },
            { "name": "locality-charts", "cron": "0 0 6 ? * MON", "misfire": "fire-once-now", "retries": 0 },
            { "name": "purge", "cron": "0 0 3 ? * SUN", "misfire": "skip", "retries": 0 }
          ]
        }
        """;

    internal static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    internal static DateTimeOffset Utc(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}
