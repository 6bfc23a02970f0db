using Warehouse.App.Scheduling;
using Warehouse.App.Tasks;
using Warehouse.App.Tests.Support;

namespace Warehouse.App.Tests.Scheduling;

public sealed class ScheduleFileTests
{
    [Fact]
    public void The_repository_schedule_declares_the_five_jobs_in_london_time()
    {
        var schedule = ScheduleFile.Parse(File.ReadAllText(Path.Combine(Repository.Root, "schedules.json")), "schedules.json", TimeZoneInfo.Utc);

        Assert.Equal("Europe/London", schedule.TimeZone.Id);
        Assert.Equal(["load-inbox", "checks", "monthly-packs", "locality-charts", "purge"], schedule.Jobs.Select(j => j.Name));
        Assert.Equal("0 30 1 * * ?", schedule.Find("load-inbox")!.Cron);
        Assert.Equal(("load-inbox", null), (schedule.Find("checks")!.After, schedule.Find("checks")!.Cron));
        Assert.Equal("first-working-day-of-month", schedule.Find("monthly-packs")!.Calendar);
        Assert.Equal("0 0 6 ? * MON", schedule.Find("locality-charts")!.Cron);
        Assert.Equal(MisfirePolicy.Skip, schedule.Find("purge")!.Misfire);
        Assert.All(schedule.Jobs.Where(j => j.Retry.Retries > 0), j => Assert.True(j.Retry.Backoff > TimeSpan.Zero));
        Assert.Equal(["checks"], schedule.ChainedAfter("load-inbox").Select(j => j.Name));
    }

    [Theory]
    [InlineData("""{ "name": "load-inbox", "cron": "0 61 1 * * ?", "misfire": "skip", "retries": 0 }""", "schedules.json: job 'load-inbox' has a bad cron expression '0 61 1 * * ?'")]
    [InlineData("""{ "name": "monthly-packs", "cron": "0 0 7 * * ?", "calendar": "last-friday", "misfire": "skip", "retries": 0 }""", "schedules.json: job 'monthly-packs' names an unknown calendar 'last-friday'")]
    [InlineData("""{ "name": "checks", "after": "load-inboxx", "misfire": "skip", "retries": 0 }""", "schedules.json: job 'checks' is chained after an unknown job 'load-inboxx'.")]
    [InlineData("""{ "name": "purge", "cron": "0 0 3 ? * SUN", "retries": 0 }""", "schedules.json: job 'purge' needs 'misfire': 'fire-once-now' or 'skip'")]
    [InlineData("""{ "name": "purge", "cron": "0 0 3 ? * SUN", "misfire": "skip" }""", "schedules.json: job 'purge' needs 'retries'")]
    [InlineData("""{ "name": "purge", "cron": "0 0 3 ? * SUN", "misfire": "skip", "retries": 2 }""", "schedules.json: job 'purge' needs 'backoff' as hh:mm:ss")]
    [InlineData("""{ "name": "purge", "misfire": "skip", "retries": 0 }""", "schedules.json: job 'purge' needs exactly one of 'cron'")]
    [InlineData("""{ "name": "purge", "cron": "0 0 3 ? * SUN", "misfire": "skip", "retries": 0, "retry": 3 }""", "schedules.json: job 'purge' has an unknown entry 'retry'")]
    [InlineData("""{ "name": "Purge Job", "cron": "0 0 3 ? * SUN", "misfire": "skip", "retries": 0 }""", "schedules.json: job 1 needs a 'name' of lower-case letters")]
    public void A_bad_job_is_named_with_its_problem(string job, string expected)
    {
        var error = Assert.Throws<ScheduleException>(() => Parse($$"""{ "jobs": [ {{job}} ] }"""));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var error = Assert.Throws<ScheduleException>(() => Parse("""
            { "jobs": [
                { "name": "a", "cron": "nonsense", "misfire": "skip", "retries": 0 },
                { "name": "a", "cron": "0 0 1 * * ?", "misfire": "sometimes", "retries": 0 }
            ] }
            """));

        Assert.Equal(3, error.Problems.Count);
        Assert.Contains("job 'a' is declared 2 times", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chain_that_loops_is_refused()
    {
        var error = Assert.Throws<ScheduleException>(() => Parse("""
            { "jobs": [
                { "name": "a", "after": "b", "misfire": "skip", "retries": 0 },
                { "name": "b", "after": "a", "misfire": "skip", "retries": 0 }
            ] }
            """));

        Assert.Contains("job 'a' is chained in a loop", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Serving_needs_a_task_for_every_job_and_names_each_missing_one()
    {
        var schedule = Parse(TestData.Schedule);

        var error = Assert.Throws<ScheduleException>(() => schedule.EnsureImplemented(new TaskRegistry([new FakeTask("load-inbox"), new FakeTask("purge")])));

        Assert.Contains("no task is registered): checks, monthly-packs, locality-charts.", error.Message, StringComparison.Ordinal);
    }

    private static Schedule Parse(string json) => ScheduleFile.Parse(json, "schedules.json", TestData.London);
}
