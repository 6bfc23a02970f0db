using Warehouse.Analytics.Runs;
using Warehouse.Analytics.Tests.TestSupport;
using static Warehouse.Analytics.Tests.TestSupport.TestPartnership;

namespace Warehouse.Analytics.Tests.Checks.Agreement;

/// <summary>
/// Every consultation of a month is either counted by a comparison or not assessable for exactly
/// one reason; the reasons are the reference view's first, then the compared view's.
/// </summary>
public sealed class AssessableAccountingTests(AssessableAccountingTests.Data data) : IClassFixture<AssessableAccountingTests.Data>
{
    private static readonly DateOnly October = Day("2026-10-01");

    private CheckRunResults Results => data.Results;

    [Fact]
    public void CallerToRecommended_CountsPairsWithBothLevels()
    {
        AssertAccounting("caller_to_recommended", 3, new()
        {
            ["no caller level recorded"] = 3,
            ["no recommended level recorded"] = 1,
            ["level outside 1-4"] = 1,
        });
    }

    [Fact]
    public void RecommendedToActual_CountsOnlyRecordedRecommendationsWithAssessableActuals()
    {
        AssertAccounting("recommended_to_actual", 3, new()
        {
            ["no recommended level recorded"] = 1,
            ["actual pending"] = 2,
            ["actual implied only"] = 1,
            ["actual not derived"] = 1,
        });
    }

    [Fact]
    public void IndicatedToRecommended_NeedsAnIndicatedAndARecordedLevel()
    {
        AssertAccounting("indicated_to_recommended", 3, new()
        {
            ["no indicated level"] = 4,
            ["no recommended level recorded"] = 1,
        });
        // a4: indicated 3, recommended 2 (row 3, column 2).
        Assert.Equal(1, Results.Matrix("indicated_to_recommended", "month", "2026-10")[2, 1]);
    }

    [Fact]
    public void AuditedToRecommended_UsesTheLatestJudgement()
    {
        AssertAccounting("audited_to_recommended", 3, new()
        {
            ["not audited"] = 4,
            ["no recommended level recorded"] = 1,
        });
        // a1 was audited twice: level 4 first, level 2 later; the later judgement counts (2 → 2),
        // so (4 → 2) holds a4 only.
        var matrix = Results.Matrix("audited_to_recommended", "month", "2026-10");
        Assert.Equal(1, matrix[1, 1]);
        Assert.Equal(1, matrix[3, 1]);
    }

    [Fact]
    public void AuditedToActual_NeedsAJudgementAndAnAssessableActual()
    {
        AssertAccounting("audited_to_actual", 3, new()
        {
            ["not audited"] = 4,
            ["actual pending"] = 1,
        });
    }

    private void AssertAccounting(string comparison, long assessable, Dictionary<string, long> reasons)
    {
        var month = Results.Agreement(comparison, "month", "2026-10");
        Assert.Equal(assessable, month.Cases);
        Assert.Equal(reasons, Results.NotAssessable(comparison, October));
        Assert.Equal(8, month.Cases + reasons.Values.Sum());
        Assert.Equal(assessable, Results.Matrix(comparison, "month", "2026-10").Cast<long>().Sum());
    }

    public sealed class Data : IDisposable
    {
        private readonly WarehouseFixture warehouse = new();

        public Data()
        {
            var p = new TestPartnership(warehouse.Connection, "accounting");
            var date = Day("2026-10-05");
            p.Add(
                new ConsultationRow { Id = "a1", Date = date, CallerLevel = 2, Recommended = 2, ActualRecorded = 2, Indicated = 2 },
                new ConsultationRow { Id = "a2", Date = date, Recommended = 3, ActualSource = "annex_a", Actual = 3 },
                new ConsultationRow { Id = "a3", Date = date, CallerLevel = 1, Recommended = null, Outcome = "single_agency", ActualRecorded = 2, Indicated = 2 },
                new ConsultationRow { Id = "a4", Date = date, Recommended = 2, ActualSource = "pending", Indicated = 3 },
                new ConsultationRow { Id = "a5", Date = date, CallerLevel = 3, Recommended = 2, ActualSource = "implied", Actual = 2 },
                new ConsultationRow { Id = "a6", Date = date, Recommended = 2, ActualSource = null, Indicated = 1 },
                new ConsultationRow { Id = "a7", Date = date, CallerLevel = 4, Recommended = 4, ActualSource = "annex_a", Actual = 4, WindowEnd = Day("2026-12-15") },
                new ConsultationRow { Id = "a8", Date = date, CallerLevel = 5, Recommended = 2, ActualRecorded = 2 });
            p.AddAudit("a1", 4, Day("2026-10-20"), "audit-1");
            p.AddAudit("a1", 2, Day("2026-11-20"), "audit-2");
            p.AddAudit("a2", 3, Day("2026-11-20"), "audit-2");
            p.AddAudit("a3", 1, Day("2026-11-20"), "audit-2");
            p.AddAudit("a4", 4, Day("2026-11-20"), "audit-2");
            Results = p.Run("2026-10", Day("2026-11-30"));
        }

        public CheckRunResults Results { get; }

        public void Dispose() => warehouse.Dispose();
    }
}
