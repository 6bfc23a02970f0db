using System.Text.RegularExpressions;
using Warehouse.Frameworks;
using Warehouse.Synthetic.Tests.TestSupport;

namespace Warehouse.Synthetic.Tests.Consultations;

[Collection(GeneratedRunGroup.Name)]
public sealed partial class ConsultationFilesTests(GeneratedRun run)
{
    private static readonly string[] Required = ["consultation_id", "child_id", "consultation_date", "locality", "caller_agency", "outcome"];

    private static readonly string[] Contract =
    [
        "consultation_id", "child_id", "date_of_birth", "sex", "ethnicity", "disability", "consultation_date", "decision_date",
        "locality", "caller_agency", "contact_source", "consent", "caller_level", "indicators", "likelihood", "seriousness",
        "recommended_level", "outcome", "actual_level", "team",
    ];

    private static readonly HashSet<string> CinSourceCodes =
        ["1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E", "3F", "4", "5A", "5B", "5C", "5D", "6", "7", "8", "9", "10"];

    private static readonly HashSet<string> EthnicityCodes =
        ["WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT"];

    public static TheoryData<string> Partnerships => ["warwickshire", "worcestershire"];

    [Fact]
    public void Every_file_parses_as_csv_with_the_contracts_columns()
    {
        var files = run.Data.Files.Where(f => f.Kind == GeneratedFileKind.Consultations).ToList();
        Assert.Equal(12, files.Count);
        foreach (var file in files)
        {
            var table = Csv.Read(file.Path);
            Assert.All(Required, name => Assert.True(table.Column(name) >= 0, $"{file.Path} lacks {name}"));
            Assert.All(Contract, name => Assert.True(table.Column(name) >= 0, $"{file.Path} lacks {name}"));
            Assert.Equal(file.Rows, table.Rows.Count);
            Assert.Matches(@"consultations-\d{4}-\d{2}\.csv$", file.Path);
        }
    }

    [Fact]
    public void Headers_vary_in_case_and_order_between_files()
    {
        var headers = run.Data.Files
            .Where(f => f.Kind == GeneratedFileKind.Consultations)
            .Select(f => string.Join(',', Csv.Read(f.Path).Header))
            .ToList();
        Assert.True(headers.Distinct(StringComparer.Ordinal).Count() >= 4, string.Join("\n", headers));
        Assert.Contains(headers, h => !string.Equals(h, h.ToLowerInvariant(), StringComparison.Ordinal));
        Assert.Contains(headers, h => !h.StartsWith("consultation_id,child_id,", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(Partnerships))]
    public void Every_code_is_valid_against_the_frameworks_and_reference_data(string partnership)
    {
        var source = run.Source(partnership);
        var frameworks = run.Catalog.Get(partnership);
        var localities = run.Reference.LocalitiesFor(partnership).Select(l => l.Code).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(6_000, source.Consultations.Count);
        foreach (var c in source.Consultations)
        {
            var framework = frameworks.VersionFor(c.Date)!;
            Assert.Contains(c.Locality, localities);
            Assert.True(run.Reference.TryGetAgency(c.Agency, out var agency), c.Agency);
            Assert.True(framework.TryGetOutcome(c.Outcome, out var outcome), c.Outcome);
            Assert.Empty(framework.ParseIndicatorList(string.Join(";", c.Indicators)).UnknownCodes);
            Assert.InRange(c.Indicators.Count, 0, 6);
            Assert.True(c.Consent is "" or "given" or "refused" or "not_sought" or "not_required", c.Consent);
            if (c.Consent == "not_required")
            {
                Assert.False(outcome!.RequiresConsent, $"{c.Id}: not_required with {c.Outcome}");
            }

            Assert.True(c.ContactSource.Length == 0 || CinSourceCodes.Contains(c.ContactSource) || AnnexASource(c.ContactSource) == agency!.CinSourceCode, c.ContactSource);
            if (c.ContactSource.Length > 0)
            {
                Assert.Equal(agency!.CinSourceCode, CinSourceCodes.Contains(c.ContactSource) ? c.ContactSource : AnnexASource(c.ContactSource));
            }

            Assert.True(c.Sex is "" or "M" or "F" or "U", c.Sex);
            Assert.True(c.Ethnicity.Length == 0 || EthnicityCodes.Contains(c.Ethnicity) || EthnicityCodes.Contains(c.Ethnicity[3..]), c.Ethnicity);
            Assert.True(c.Disability is "" or "yes" or "no", c.Disability);
            Assert.True(Score(c.Likelihood) && Score(c.Seriousness), $"{c.Likelihood} {c.Seriousness}");
            Assert.True(c.Date >= new DateOnly(2025, 1, 1) && c.Date <= new DateOnly(2025, 6, 30), c.DateText);
            Assert.True(c.Decision is null || c.Decision >= c.Date);
            Assert.Matches(ChildId(), c.ChildId);
        }

        Assert.Equal(source.Consultations.Count, source.Consultations.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(Partnerships))]
    public void Outcomes_agree_with_the_recommended_level_and_top_level_indicators_only_come_with_it(string partnership)
    {
        var source = run.Source(partnership);
        var framework = run.Catalog.Get(partnership).Latest;
        var top = framework.Indicators.Where(i => i.TopLevelOnItsOwn).Select(i => i.Code).ToHashSet(StringComparer.Ordinal);
        var withTop = 0;
        foreach (var c in source.Consultations)
        {
            framework.TryGetOutcome(c.Outcome, out var outcome);
            if (c.Recommended is { } recommended)
            {
                Assert.Equal(recommended, outcome!.Level.Number);
            }

            if (c.Indicators.Any(top.Contains))
            {
                withTop++;
                Assert.Equal(framework.TopLevel.Number, outcome!.Level.Number);
            }
        }

        Assert.True(withTop > 50, $"{withTop} consultations with a top-level indicator");
        Assert.Contains(source.Consultations, c => c.Recommended is null);
        Assert.Contains(source.Consultations, c => c.Caller is not null && c.Caller != c.Recommended);
    }

    [Theory]
    [MemberData(nameof(Partnerships))]
    public void Decisions_come_zero_to_three_working_days_after_the_consultation(string partnership)
    {
        var calendar = run.Reference.BankHolidays;
        var delays = run.Source(partnership).Consultations
            .Where(c => c.Decision is not null)
            .Select(c => calendar.WorkingDaysBetween(c.Date, c.Decision!.Value)!.Value)
            .ToList();
        Assert.All(delays, d => Assert.InRange(d, 0, 3));
        Assert.Equal([0, 1, 2, 3], delays.Distinct().Order());
    }

    [Theory]
    [MemberData(nameof(Partnerships))]
    public void Children_recur_at_least_31_days_apart_and_keep_their_details(string partnership)
    {
        var byChild = run.Source(partnership).Consultations.GroupBy(c => c.ChildId).ToList();
        Assert.True(byChild.Count(g => g.Count() >= 2) > 300, "repeat contacts");
        Assert.Contains(byChild, g => g.Count() >= 3);
        foreach (var child in byChild.Where(g => g.Count() > 1))
        {
            var dates = child.Select(c => c.Date).Order().ToList();
            for (var i = 1; i < dates.Count; i++)
            {
                Assert.True(dates[i].DayNumber - dates[i - 1].DayNumber >= 31, $"{child.Key}: {dates[i - 1]} and {dates[i]}");
            }

            Assert.Single(child.Select(c => c.Locality).Distinct());
            Assert.True(child.Select(c => c.BirthDate).Where(d => d is not null).Distinct().Count() <= 1, child.Key);
            Assert.True(child.Select(c => c.Sex).Where(s => s.Length > 0).Distinct().Count() <= 1, child.Key);
        }
    }

    [Theory]
    [MemberData(nameof(Partnerships))]
    public void Pathway_to_change_scores_rise_with_the_level_and_are_never_both_high_at_a_low_level(string partnership)
    {
        var scored = run.Source(partnership).Consultations
            .Where(c => c.Recommended is not null && c.Likelihood.Length > 0)
            .Select(c => (Level: c.Recommended!.Value, Likelihood: int.Parse(c.Likelihood, System.Globalization.CultureInfo.InvariantCulture), Seriousness: int.Parse(c.Seriousness, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        var means = Enumerable.Range(1, 4).Select(l => scored.Where(s => s.Level == l).Average(s => s.Likelihood + s.Seriousness)).ToList();
        Assert.True(means[0] < means[1] && means[1] < means[2] && means[2] < means[3], string.Join(", ", means));
        Assert.DoesNotContain(scored, s => s.Level <= 2 && s.Likelihood >= 8 && s.Seriousness >= 8);
    }

    private static bool Score(string text) => text.Length == 0 || (int.TryParse(text, out var n) && n is >= 0 and <= 10);

    // "q) 6: Police" -> "6".
    private static string AnnexASource(string text)
    {
        var match = AnnexASpelling().Match(text);
        return match.Success ? match.Groups[1].Value : string.Empty;
    }

    [GeneratedRegex(@"^(?:[a-z]\) )?(\d{1,2}[A-F]?): .+$")]
    private static partial Regex AnnexASpelling();

    [GeneratedRegex(@"^SYN-[A-Z]{3}-\d{8}-[A-Z]$")]
    private static partial Regex ChildId();
}
