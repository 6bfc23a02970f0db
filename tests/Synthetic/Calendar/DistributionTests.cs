using Warehouse.Frameworks;
using Warehouse.Synthetic.Tests.TestSupport;

namespace Warehouse.Synthetic.Tests.Calendar;

/// <summary>The mix of calls, places, levels and people looks like a front door's.</summary>
[Collection(GeneratedRunGroup.Name)]
public sealed class DistributionTests(GeneratedRun run)
{
    public static TheoryData<string> Partnerships => ["warwickshire", "worcestershire"];

    [Theory]
    [MemberData(nameof(Partnerships))]
    public void Police_schools_and_health_make_most_of_the_calls(string partnership)
    {
        var calls = run.Source(partnership).Consultations;
        double Share(Func<Agency, bool> which) =>
            (double)calls.Count(c => run.Reference.TryGetAgency(c.Agency, out var a) && which(a)) / calls.Count;

        Assert.InRange(Share(a => a.Sector == AgencySector.Police), 0.25, 0.32);
        Assert.InRange(Share(a => a.Code == "SCHOOL"), 0.13, 0.22);
        Assert.InRange(Share(a => a.Sector == AgencySector.Health), 0.13, 0.21);
        Assert.Equal(run.Reference.Agencies.Count, calls.Select(c => c.Agency).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Partnerships))]
    public void Children_live_in_localities_in_proportion_to_their_populations(string partnership)
    {
        var localities = run.Reference.LocalitiesFor(partnership);
        var children = run.Source(partnership).Consultations.DistinctBy(c => c.ChildId).ToList();
        var population = localities.Sum(l => l.Population0To17);
        foreach (var locality in localities)
        {
            var share = (double)children.Count(c => c.Locality == locality.Code) / children.Count;
            Assert.InRange(share, ((double)locality.Population0To17 / population) - 0.03, ((double)locality.Population0To17 / population) + 0.03);
        }
    }

    [Theory]
    [MemberData(nameof(Partnerships))]
    public void Levels_and_equality_fields_have_plausible_shares(string partnership)
    {
        var calls = run.Source(partnership).Consultations;
        var recommended = calls.Where(c => c.Recommended is not null).ToList();
        double[] expected = [0.30, 0.32, 0.26, 0.12];
        for (var level = 1; level <= 4; level++)
        {
            Assert.InRange((double)recommended.Count(c => c.Recommended == level) / recommended.Count, expected[level - 1] - 0.03, expected[level - 1] + 0.03);
        }

        var children = calls.DistinctBy(c => c.ChildId).ToList();
        Assert.InRange((double)children.Count(c => c.Sex == "M") / children.Count, 0.44, 0.55);
        Assert.InRange((double)children.Count(c => c.Sex == "F") / children.Count, 0.42, 0.53);
        Assert.InRange((double)children.Count(c => c.Ethnicity.EndsWith("WBRI", StringComparison.Ordinal)) / children.Count, 0.55, 0.70);
        Assert.InRange((double)children.Count(c => c.Disability == "yes") / children.Count, 0.05, 0.11);
        Assert.True(children.Select(c => c.Ethnicity).Distinct().Count() >= 15, string.Join(", ", children.Select(c => c.Ethnicity).Distinct()));

        // Ages: from unborn to 17, most of school age.
        var ages = calls.Where(c => c.BirthDate is not null).Select(c => (c.Date.DayNumber - c.BirthDate!.Value.DayNumber) / 365.25).ToList();
        Assert.Contains(ages, a => a < 0);
        Assert.True(ages.Max() < 18, $"oldest {ages.Max():F2}");
        Assert.InRange(ages.Count(a => a is >= 5 and < 16) / (double)ages.Count, 0.45, 0.65);
    }

    [Fact]
    public void August_and_the_school_holidays_are_quieter_and_schools_fall_silent()
    {
        using var temp = new TempFolder();
        var data = SyntheticGenerator.Generate(new GeneratorOptions
        {
            OutputFolder = temp.Sub("inbox"),
            Partnerships = ["warwickshire"],
            Start = new DateOnly(2025, 1, 1),
            Months = 12,
            ConsultationsPerPartnership = 24_000,
            Messy = false,
        });
        var calls = SourceData.Load(Path.Combine(data.OutputFolder, "warwickshire"), "warwickshire", FrameworkCatalog.LoadEmbedded()).Consultations;

        double PerWeekday(int month) =>
            (double)calls.Count(c => c.Date.Month == month && c.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            / Enumerable.Range(1, DateTime.DaysInMonth(2025, month)).Count(d => new DateOnly(2025, month, d).DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
        double SchoolShare(int month) =>
            (double)calls.Count(c => c.Date.Month == month && c.Agency == "SCHOOL") / calls.Count(c => c.Date.Month == month);

        Assert.True(PerWeekday(8) < 0.8 * PerWeekday(10), $"August {PerWeekday(8):F0} a weekday, October {PerWeekday(10):F0}");
        Assert.True(SchoolShare(8) < 0.03 && SchoolShare(10) > 0.15, $"schools: August {SchoolShare(8):P1}, October {SchoolShare(10):P1}");

        // Weekends are quiet, and mostly police.
        var weekend = calls.Where(c => c.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday).ToList();
        Assert.InRange((double)weekend.Count / calls.Count, 0.02, 0.10);
        Assert.True(weekend.Count(c => c.Agency == "POLICE") > weekend.Count / 3);
    }
}
