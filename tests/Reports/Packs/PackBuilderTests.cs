using Warehouse.Reports.Packs;
using Warehouse.Reports.Tests.Support;

namespace Warehouse.Reports.Tests.Packs;

[Collection(SharedPack.Name)]
public sealed class PackBuilderTests(PackOutput pack)
{
    [Fact]
    public void Build_WritesEveryOutputOfTheMonth()
    {
        var files = pack.Result.Files.Select(f => Path.GetRelativePath(pack.Root, f.Path).Replace('\\', '/')).ToList();

        Assert.Contains("out/warwickshire/2026-10/pack-warwickshire-2026-10.xlsx", files);
        Assert.Contains("out/warwickshire/2026-10/tidy.csv", files);
        Assert.Contains("out/warwickshire/2026-10/csv/04-agreement-locality.csv", files);
        Assert.Contains("out/warwickshire/2026-10/charts/agreement-by-locality.svg", files);
        Assert.Contains("out/warwickshire/2026-10/briefings/RUG.html", files);
        Assert.Contains("out/restricted/warwickshire/2026-10/qa-warwickshire-2026-10.xlsx", files);
        Assert.All(pack.Result.Files, f => Assert.True(File.Exists(f.Path), f.Path));
        Assert.Equal(PackFileKind.Restricted, Assert.Single(pack.Result.Files, f => f.Path.EndsWith("qa-warwickshire-2026-10.xlsx", StringComparison.Ordinal)).Kind);
        Assert.Empty(pack.Result.Warnings);
    }

    [Fact]
    public void Build_WorksWhenNoMonthHasEveryActualLevel_AndSaysSo()
    {
        using var temp = new TempFolder();
        var options = PackOutput.OptionsFor(temp.Path) with { RenderPng = false };
        var early = pack.Warehouse.Run("2025-10", cutOff: new DateOnly(2025, 10, 15));

        var result = PackBuilder.Build(pack.Warehouse.Connection, early, options, FixedClock.Default);

        Assert.Contains(result.Files, f => f.Path.EndsWith("pack-warwickshire-2025-10.xlsx", StringComparison.Ordinal));
        var locality = XlsxCells.Read(result.Files.First(f => f.Path.EndsWith(".xlsx", StringComparison.Ordinal)).Path).Where(c => c.Sheet == "Locality").Select(c => c.Text);
        Assert.Contains(locality, t => t.StartsWith("No month up to October 2025 had every actual level known", StringComparison.Ordinal));
        Assert.Empty(XlsxInspection.ValidationErrors(result.Files.First(f => f.Path.EndsWith("pack-warwickshire-2025-10.xlsx", StringComparison.Ordinal)).Path));
    }

    [Fact]
    public void Build_RefusesARunThatDoesNotExist()
    {
        using var temp = new TempFolder();

        var error = Assert.Throws<InvalidOperationException>(() => PackBuilder.Build(pack.Warehouse.Connection, "no-such-run", PackOutput.OptionsFor(temp.Path), FixedClock.Default));

        Assert.Contains("no-such-run", error.Message, StringComparison.Ordinal);
    }
}
