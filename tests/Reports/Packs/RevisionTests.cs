using Warehouse.Reports.Packs;
using Warehouse.Reports.Tests.Support;

namespace Warehouse.Reports.Tests.Packs;

/// <summary>
/// [r]: a figure the previous month's pack published (its tidy CSV beside this month's folder) that
/// comes out differently this month – e.g. after a late Annex A return changed actual levels – is
/// marked revised; figures that did not change are not.
/// </summary>
public sealed class RevisionTests : IDisposable
{
    private readonly PackWarehouse _warehouse = new();
    private readonly TempFolder _temp = new();

    public void Dispose()
    {
        _warehouse.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public void FiguresThatChangedSinceThePreviousPack_AreMarkedRevised()
    {
        var options = PackOutput.OptionsFor(_temp.Path) with { RenderPng = false };
        var september = _warehouse.Run("2026-09", cutOff: new DateOnly(2026, 10, 5));
        PackBuilder.Build(_warehouse.Connection, september, options, FixedClock.Default);

        // A late return: every August actual level derived from Annex A goes up one level.
        _warehouse.Connection.Execute("""
            UPDATE fact.consultation SET actual_level = least(4, actual_level + 1)
            WHERE actual_source = 'annex_a' AND consultation_date BETWEEN DATE '2026-08-01' AND DATE '2026-08-31'
            """);
        var october = _warehouse.Run("2026-10");
        PackBuilder.Build(_warehouse.Connection, october, options, FixedClock.Default);

        var before = CsvText.Records(Path.Combine(options.OutputFolder, "warwickshire", "2026-09", "tidy.csv"));
        var after = CsvText.Records(Path.Combine(options.OutputFolder, "warwickshire", "2026-10", "tidy.csv"));
        var old = before.ToDictionary(Key, r => r["value"]);
        var revised = after.Where(r => r["markers"].Contains("[r]", StringComparison.Ordinal)).ToList();
        Assert.Contains(revised, r => r["period"] == "2026-08" && r["grouping"] == "partnership" && r["measure"] == "agreement");
        foreach (var row in after.Where(r => old.ContainsKey(Key(r)) && double.TryParse(r["value"], System.Globalization.CultureInfo.InvariantCulture, out _)))
        {
            bool changed = old[Key(row)] != row["value"] && double.TryParse(old[Key(row)], System.Globalization.CultureInfo.InvariantCulture, out _);
            Assert.True(changed == row["markers"].Contains("[r]", StringComparison.Ordinal), $"{Key(row)}: {old[Key(row)]} then {row["value"]}, markers '{row["markers"]}'");
        }

        // Volumes of earlier months did not change: not revised.
        Assert.Contains(after, r => r["period"] == "2026-07" && r["grouping"] == "partnership" && r["measure"] == "consultations" && r["markers"].Length == 0);
        var sheet = XlsxCells.Read(Path.Combine(options.OutputFolder, "warwickshire", "2026-10", "pack-warwickshire-2026-10.xlsx"));
        Assert.Contains(sheet, c => c.Sheet == "Trend" && c.Text.StartsWith("[r] revised", StringComparison.Ordinal));
    }

    private static string Key(Dictionary<string, string> row) => string.Join('|', row["period"], row["grouping"], row["group"], row["comparison"], row["measure"]);
}
