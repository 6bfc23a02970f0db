using System.Globalization;
using Warehouse.Analytics.Tests.TestSupport;
using static Warehouse.Analytics.Tests.TestSupport.TestPartnership;

namespace Warehouse.Analytics.Tests.Audit;

/// <summary>
/// A partnership whose September 2026 holds a known population for audit sampling: per locality L01–L03,
/// 20 agreed, 8 over-responses, 6 under-responses and 2 serious under-responses (36 assessable each,
/// 108 in all), plus consultations that are not assessable and must never be sampled.
/// </summary>
internal static class AuditPopulation
{
    public const string Month = "2026-09";

    /// <summary>The cut-off the tests give: Annex A windows ending after it are still open.</summary>
    public static readonly DateOnly CutOff = Day("2026-10-20");

    /// <summary>The expected category of every assessable consultation, by id.</summary>
    public static Dictionary<string, (string Locality, string Category, int Recommended, int Actual)> Create(TestPartnership partnership)
    {
        var expected = new Dictionary<string, (string, string, int, int)>(StringComparer.Ordinal);
        var rows = new List<ConsultationRow>();
        for (int l = 1; l <= 3; l++)
        {
            var locality = Locality(l);
            void Add(string category, int count, int recommended, int actual)
            {
                for (int i = 0; i < count; i++)
                {
                    var id = string.Create(CultureInfo.InvariantCulture, $"{partnership.Code}-{locality}-{category}-{i:00}");
                    var date = Day("2026-09-01").AddDays(i % 28);
                    // Half the agreed cases have an Annex A-derived actual level with a closed window; the rest are recorded.
                    bool annex = category == "agreed" && i % 2 == 0;
                    rows.Add(new ConsultationRow
                    {
                        Id = id,
                        Date = date,
                        Locality = locality,
                        Recommended = recommended,
                        ActualRecorded = annex ? null : actual,
                        Actual = annex ? actual : null,
                        ActualSource = annex ? "annex_a" : null,
                        WindowEnd = annex ? date.AddDays(30) : null,
                        Likelihood = 3 + (i % 5),
                        Seriousness = 2 + (i % 7),
                        Indicators = i % 3 == 0 ? ["LOW"] : [],
                    });
                    expected[id] = (locality, category, recommended, actual);
                }
            }

            Add("agreed", 20, 2, 2);
            Add("over", 8, 2, 3);
            Add("under", 6, 3, 2);
            Add("serious_under", 2, 4, 1);

            // Not assessable: no recommended level recorded; actual pending; actual implied only; an Annex A
            // window still open at the cut-off; and one in another month.
            rows.Add(new ConsultationRow { Id = $"{partnership.Code}-{locality}-x-implied", Date = Day("2026-09-10"), Locality = locality, Recommended = null, ActualRecorded = 2 });
            rows.Add(new ConsultationRow { Id = $"{partnership.Code}-{locality}-x-pending", Date = Day("2026-09-11"), Locality = locality, Recommended = 4, ActualSource = "pending" });
            rows.Add(new ConsultationRow { Id = $"{partnership.Code}-{locality}-x-outcome", Date = Day("2026-09-12"), Locality = locality, Recommended = 4, Actual = 1, ActualSource = "implied" });
            rows.Add(new ConsultationRow { Id = $"{partnership.Code}-{locality}-x-open", Date = Day("2026-09-25"), Locality = locality, Recommended = 4, Actual = 1, ActualSource = "annex_a", WindowEnd = Day("2026-10-25") });
            rows.Add(new ConsultationRow { Id = $"{partnership.Code}-{locality}-x-august", Date = Day("2026-08-31"), Locality = locality, Recommended = 4, ActualRecorded = 1 });
        }

        partnership.Add(rows);
        return expected;
    }
}
