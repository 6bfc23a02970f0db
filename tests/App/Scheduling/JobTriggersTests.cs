using Warehouse.App.Scheduling;
using Warehouse.App.Tests.Support;

namespace Warehouse.App.Tests.Scheduling;

public sealed class JobTriggersTests
{
    private static readonly JobDefinition Nightly = new() { Name = "load-inbox", Cron = "0 30 1 * * ?" };
    private static readonly JobDefinition Monday = new() { Name = "locality-charts", Cron = "0 0 6 ? * MON" };

    [Fact]
    public void The_nightly_run_skips_the_missing_hour_when_the_clocks_go_forward_in_march_2026()
    {
        var times = JobTriggers.Next(Nightly, TestData.London, null, TestData.Utc(2026, 3, 27, 12), 4);

        Assert.Equal([
            TestData.Utc(2026, 3, 28, 1, 30),   // 01:30 GMT
            TestData.Utc(2026, 3, 29, 1, 0),    // 01:30 does not exist on 29 March: 02:00 BST
            TestData.Utc(2026, 3, 30, 0, 30),   // 01:30 BST
            TestData.Utc(2026, 3, 31, 0, 30),
        ], times);
    }

    [Fact]
    public void The_nightly_run_fires_once_when_the_clocks_go_back_in_october_2026()
    {
        var times = JobTriggers.Next(Nightly, TestData.London, null, TestData.Utc(2026, 10, 23, 12), 4);

        Assert.Equal([
            TestData.Utc(2026, 10, 24, 0, 30),  // 01:30 BST
            TestData.Utc(2026, 10, 25, 0, 30),  // the first 01:30 of 25 October (BST); the repeated hour does not fire again
            TestData.Utc(2026, 10, 26, 1, 30),  // 01:30 GMT
            TestData.Utc(2026, 10, 27, 1, 30),
        ], times);
    }

    [Fact]
    public void The_weekly_charts_stay_at_six_local_across_both_clock_changes()
    {
        var spring = JobTriggers.Next(Monday, TestData.London, null, TestData.Utc(2026, 3, 20), 2);
        var autumn = JobTriggers.Next(Monday, TestData.London, null, TestData.Utc(2026, 10, 16), 2);

        Assert.Equal([TestData.Utc(2026, 3, 23, 6), TestData.Utc(2026, 3, 30, 5)], spring);
        Assert.Equal([TestData.Utc(2026, 10, 19, 5), TestData.Utc(2026, 10, 26, 6)], autumn);
    }

    [Fact]
    public void Fire_times_between_two_instants_exclude_the_start()
    {
        var times = JobTriggers.Between(Nightly, TestData.London, null, TestData.Utc(2026, 3, 8, 1, 30), TestData.Utc(2026, 3, 10, 9));

        Assert.Equal([TestData.Utc(2026, 3, 9, 1, 30), TestData.Utc(2026, 3, 10, 1, 30)], times);
    }
}
