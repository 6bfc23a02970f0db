using Warehouse.Analytics.Runs;
using Warehouse.Analytics.Tests.TestSupport;
using static Warehouse.Analytics.Tests.TestSupport.TestPartnership;

namespace Warehouse.Analytics.Tests.Checks.Agreement;

/// <summary>Hand-built consultations, each grouping counted by hand.</summary>
public sealed class GroupingTests(GroupingTests.Data data) : IClassFixture<GroupingTests.Data>
{
    private const string Headline = "recommended_to_actual";

    public static TheoryData<string, string, long> Expected => new()
    {
        { "partnership", "grouping", 5 },
        { "locality", "L01", 2 }, { "locality", "L02", 1 }, { "locality", "L03", 2 },
        { "area", "North", 3 }, { "area", "South", 2 },
        { "caller_agency", "A01", 2 }, { "caller_agency", "A02", 2 }, { "caller_agency", "A03", 1 },
        { "agency_sector", "police", 2 }, { "agency_sector", "health", 2 }, { "agency_sector", "education", 1 },
        { "team", "T1", 2 }, { "team", "T2", 2 }, { "team", "not recorded", 1 },
        { "age_band", "unborn", 1 }, { "age_band", "under 1", 1 }, { "age_band", "1-4", 1 }, { "age_band", "5-9", 0 },
        { "age_band", "10-15", 0 }, { "age_band", "16 and over", 1 }, { "age_band", "not known", 1 },
        { "sex", "M", 1 }, { "sex", "F", 2 }, { "sex", "U", 1 }, { "sex", "not known", 1 },
        { "ethnicity_group", "White", 1 }, { "ethnicity_group", "Mixed", 1 }, { "ethnicity_group", "Asian", 1 },
        { "ethnicity_group", "Black", 1 }, { "ethnicity_group", "Other", 0 }, { "ethnicity_group", "Not known", 1 },
        { "disability", "yes", 2 }, { "disability", "no", 2 }, { "disability", "not known", 1 },
        { "month", "2026-10", 5 }, { "month", "2026-09", 0 },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void EachGroup_CountsItsOwnConsultations(string grouping, string group, long cases)
    {
        var value = grouping == "partnership" ? data.Results.Run.Partnership : group;
        Assert.Equal(cases, data.Results.Agreement(Headline, grouping, value).Cases);
    }

    [Fact]
    public void EveryGrouping_AddsUpToThePartnership()
    {
        var inMonth = data.Results.Agreement.Where(a => a.Comparison == Headline && a.Grouping != "month").ToList();
        foreach (var grouping in inMonth.GroupBy(a => a.Grouping))
        {
            Assert.Equal(5, grouping.Sum(a => a.Cases));
        }

        Assert.Equal(10, inMonth.Select(a => a.Grouping).Distinct().Count());
    }

    [Fact]
    public void AGroupsMatrix_HoldsOnlyItsPairs()
    {
        var south = data.Results.Matrix(Headline, "locality", "L03");
        Assert.Equal(1, south[3, 0]); // g4: recommended 4, actual 1
        Assert.Equal(1, south[1, 2]); // g5: recommended 2, actual 3
        Assert.Equal(2, south.Cast<long>().Sum());

        var l03 = data.Results.Agreement(Headline, "locality", "L03");
        Assert.Equal(1, l03.OverCount);
        Assert.Equal(1, l03.UnderCount);
        Assert.Equal(1, l03.SeriousUnderCount);
        Assert.Equal(1, l03.TopLevelReferenceCount);
        Assert.Equal(0.5, l03.SeriousUnderRate);
        Assert.Equal(1.0, l03.SeriousUnderAmongTopRate);
    }

    public sealed class Data : IDisposable
    {
        private readonly WarehouseFixture warehouse = new();

        public Data()
        {
            var p = new TestPartnership(warehouse.Connection, "grouping");
            var date = Day("2026-10-12");
            p.Add(
                new ConsultationRow { Id = "g1", Date = date, Locality = "L01", Agency = "A01", Sex = "M", AgeBand = "1-4", EthnicityGroup = "White", Disability = true, Team = "T1", Recommended = 2, ActualRecorded = 2 },
                new ConsultationRow { Id = "g2", Date = date, Locality = "L01", Agency = "A02", Sex = "F", AgeBand = "under 1", EthnicityGroup = "Asian", Disability = false, Team = "T1", Recommended = 3, ActualRecorded = 2 },
                new ConsultationRow { Id = "g3", Date = date, Locality = "L02", Agency = "A02", Sex = "F", AgeBand = "16 and over", EthnicityGroup = "Black", Disability = null, Team = null, Recommended = 1, ActualRecorded = 1 },
                new ConsultationRow { Id = "g4", Date = date, Locality = "L03", Agency = "A03", Sex = null, AgeBand = null, EthnicityGroup = null, Disability = false, Team = "T2", Recommended = 4, ActualRecorded = 1 },
                new ConsultationRow { Id = "g5", Date = date, Locality = "L03", Agency = "A01", Sex = "U", AgeBand = "unborn", EthnicityGroup = "Mixed", Disability = true, Team = "T2", Recommended = 2, ActualRecorded = 3 });
            Results = p.Run("2026-10");
        }

        public CheckRunResults Results { get; }

        public void Dispose() => warehouse.Dispose();
    }
}
