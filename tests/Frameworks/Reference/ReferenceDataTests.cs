namespace Warehouse.Frameworks.Tests;

/// <summary>The shipped reference data holds exactly what CONTRACT.md sections 4 and 5 say.</summary>
public sealed class ReferenceDataTests
{
    [Theory]
    [InlineData("POLICE", AgencySector.Police, "6")]
    [InlineData("GP", AgencySector.Health, "3A")]
    [InlineData("HEALTH_VISITOR", AgencySector.Health, "3B")]
    [InlineData("SCHOOL_NURSE", AgencySector.Health, "3C")]
    [InlineData("HEALTH_OTHER", AgencySector.Health, "3D")]
    [InlineData("ED", AgencySector.Health, "3E")]
    [InlineData("MENTAL_HEALTH", AgencySector.Health, "3F")]
    [InlineData("SCHOOL", AgencySector.Education, "2A")]
    [InlineData("EDUCATION_OTHER", AgencySector.Education, "2B")]
    [InlineData("HOUSING", AgencySector.LocalAuthority, "4")]
    [InlineData("LA_SOCIAL_CARE", AgencySector.LocalAuthority, "5A")]
    [InlineData("LA_OTHER", AgencySector.LocalAuthority, "5B")]
    [InlineData("OTHER_LA", AgencySector.LocalAuthority, "5C")]
    [InlineData("EARLY_HELP", AgencySector.LocalAuthority, "5D")]
    [InlineData("YOUTH_JUSTICE", AgencySector.Other, "7")]
    [InlineData("PROBATION", AgencySector.Other, "7")]
    [InlineData("VOLUNTARY", AgencySector.Voluntary, "8")]
    [InlineData("FAMILY", AgencySector.Individual, "1A")]
    [InlineData("ACQUAINTANCE", AgencySector.Individual, "1B")]
    [InlineData("SELF", AgencySector.Individual, "1C")]
    [InlineData("INDIVIDUAL_OTHER", AgencySector.Individual, "1D")]
    [InlineData("ANONYMOUS", AgencySector.Other, "9")]
    [InlineData("UNKNOWN", AgencySector.Other, "10")]
    public void Agencies_AreTheContractAgencies(string code, AgencySector sector, string cin)
    {
        Assert.True(ShippedFiles.Reference.TryGetAgency(code.ToLowerInvariant(), out var agency));
        Assert.Equal((code, sector, cin), (agency.Code, agency.Sector, agency.CinSourceCode));
        Assert.Equal(23, ShippedFiles.Reference.Agencies.Count);
    }

    [Fact]
    public void Localities_AreTheContractCodesAndAreas()
    {
        var war = ShippedFiles.Reference.LocalitiesFor("warwickshire").Select(l => (l.Code, l.Name, l.Area));
        var wor = ShippedFiles.Reference.LocalitiesFor("worcestershire").Select(l => l.Code);

        Assert.Equal(
            [("NWA", "North Warwickshire", "North"), ("NUN", "Nuneaton and Bedworth", "North"), ("RUG", "Rugby", "East"), ("STR", "Stratford-on-Avon", "South"), ("WAR", "Warwick", "South")],
            war);
        Assert.Equal(["BRO", "MAL", "RED", "WOR", "WYC", "WYF"], wor);
        Assert.All(ShippedFiles.Reference.LocalitiesFor("worcestershire"), l => Assert.Equal(l.Name, l.Area));
        Assert.All(ShippedFiles.Reference.Partnerships.SelectMany(ShippedFiles.Reference.LocalitiesFor), l => Assert.InRange(l.Population0To17, 5_000, 60_000));
        Assert.True(ShippedFiles.Reference.TryGetLocality("Warwickshire", "nun", out var nun) && nun.Code == "NUN");
        Assert.False(ShippedFiles.Reference.TryGetLocality("warwickshire", "BRO", out _));
        Assert.Throws<KeyNotFoundException>(() => ShippedFiles.Reference.LocalitiesFor("coventry"));
    }

    [Fact]
    public void LocalityPopulations_SayTheyAreApproximate()
    {
        foreach (var partnership in new[] { "warwickshire", "worcestershire" })
        {
            var text = ShippedFiles.Text($"{partnership}/localities.csv");
            var rows = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
            Assert.All(rows, r => Assert.Contains("Approximate; replace with the ONS mid-year estimate", r, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void NationalComparators_AreThePublishedFigures()
    {
        var r = ShippedFiles.Reference;
        var y2025 = new DateOnly(2025, 3, 31);
        var y2024 = new DateOnly(2024, 3, 31);

        Assert.Equal(632_830m, r.Comparator("referrals", y2025)?.Value);
        Assert.Equal(22.6m, r.Comparator("re_referrals_within_12_months", y2025)?.Value);
        Assert.Equal(6.5m, r.Comparator("referrals_nfa", y2025)?.Value);
        Assert.Equal(621_880m, r.Comparator("referrals", y2024)?.Value);
        Assert.Equal(22m, r.Comparator("re_referrals_within_12_months", y2024)?.Value);
        Assert.Equal("percent", r.Comparator("referrals_nfa", y2025)?.Unit);
        Assert.Null(r.Comparator("referrals_nfa", y2024));
    }
}
