namespace Warehouse.Frameworks.Tests;

public sealed class VersionSelectionTests
{
    [Fact]
    public void ShippedVersions_AreInForceFromTheirEffectiveDate()
    {
        var catalog = ShippedFiles.Catalog;

        Assert.Null(catalog.VersionFor("warwickshire", new DateOnly(2023, 12, 31)));
        Assert.Equal("2024-01", catalog.VersionFor("warwickshire", new DateOnly(2024, 1, 1))?.Version);
        Assert.Equal("2024-01", catalog.VersionFor("Warwickshire", new DateOnly(2030, 6, 1))?.Version);
        Assert.Null(catalog.VersionFor("worcestershire", new DateOnly(2019, 4, 30)));
        Assert.Equal("2019-05", catalog.VersionFor("worcestershire", new DateOnly(2019, 5, 1))?.Version);
        Assert.Throws<KeyNotFoundException>(() => catalog.VersionFor("coventry", new DateOnly(2025, 1, 1)));
    }

    [Fact]
    public void MadeUpSecondVersion_IsChosenFromItsDate_SoATrendCanSpanARevision()
    {
        using var temp = new TempDirectory();
        temp.Write(ShippedFiles.WarwickshireFile, ShippedFiles.Json(ShippedFiles.WarwickshireFile));
        var revised = ShippedFiles.Json(ShippedFiles.WarwickshireFile);
        revised["version"] = "2026-04";
        revised["effective_from"] = "2026-04-01";
        var added = revised["indicators"]![0]!.DeepClone().AsObject();
        added["code"] = "WAR-U-HEA-99";
        added["text"] = "A made-up indicator added by the revision.";
        revised["indicators"]!.AsArray().Add(added);
        temp.Write("warwickshire/framework-2026-04.json", revised);

        var catalog = FrameworkCatalog.LoadFrom(temp.Path);
        var versions = catalog.Get("warwickshire");

        Assert.Equal(["2024-01", "2026-04"], versions.Versions.Select(v => v.Version));
        Assert.Equal("2026-04", versions.Latest.Version);
        Assert.Equal("2024-01", versions.VersionFor(new DateOnly(2026, 3, 31))?.Version);
        Assert.Equal("2026-04", versions.VersionFor(new DateOnly(2026, 4, 1))?.Version);
        Assert.False(versions.VersionFor(new DateOnly(2026, 3, 31))!.TryGetIndicator("WAR-U-HEA-99", out _));
        Assert.True(versions.VersionFor(new DateOnly(2026, 4, 1))!.TryGetIndicator("WAR-U-HEA-99", out _));

        var trend = Enumerable.Range(0, 13).Select(m => new DateOnly(2025, 10, 15).AddMonths(m)).Select(d => versions.VersionFor(d)!.Version).ToList();
        Assert.Equal(6, trend.Count(v => v == "2024-01"));
        Assert.Equal(7, trend.Count(v => v == "2026-04"));
    }

    [Fact]
    public void GapBetweenVersions_HasNoVersionInForce()
    {
        using var temp = new TempDirectory();
        var first = ShippedFiles.Json(ShippedFiles.WarwickshireFile);
        first["effective_to"] = "2025-12-31";
        temp.Write(ShippedFiles.WarwickshireFile, first);
        var second = ShippedFiles.Json(ShippedFiles.WarwickshireFile);
        second["version"] = "2026-04";
        second["effective_from"] = "2026-04-01";
        temp.Write("warwickshire/framework-2026-04.json", second);

        var versions = FrameworkCatalog.LoadFrom(temp.Path).Get("warwickshire");

        Assert.Equal("2024-01", versions.VersionFor(new DateOnly(2025, 12, 31))?.Version);
        Assert.Null(versions.VersionFor(new DateOnly(2026, 2, 1)));
        Assert.Equal("2026-04", versions.VersionFor(new DateOnly(2026, 4, 1))?.Version);
        Assert.True(versions.Versions[0].IsInForceOn(new DateOnly(2025, 12, 31)));
        Assert.False(versions.Versions[0].IsInForceOn(new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public void Versions_AreOrderedByDate_NotByFileName()
    {
        using var temp = new TempDirectory();
        var early = ShippedFiles.Json(ShippedFiles.WarwickshireFile);
        early["version"] = "zeta";
        early["effective_from"] = "2020-01-01";
        temp.Write("warwickshire/framework-z.json", early);
        var late = ShippedFiles.Json(ShippedFiles.WarwickshireFile);
        late["version"] = "alpha";
        temp.Write("warwickshire/framework-a.json", late);

        var versions = FrameworkCatalog.LoadFrom(temp.Path).Get("warwickshire");

        Assert.Equal(["zeta", "alpha"], versions.Versions.Select(v => v.Version));
        Assert.Equal("zeta", versions.VersionFor(new DateOnly(2023, 6, 1))?.Version);
    }
}
