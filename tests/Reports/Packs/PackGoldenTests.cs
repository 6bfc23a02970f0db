using Warehouse.Reports.Tests.Support;

namespace Warehouse.Reports.Tests.Packs;

/// <summary>
/// The sheet XML of the headline and locality tables, checked in under Golden/Packs and reviewed
/// like code: inline strings, a fixed clock and seeded data make it reproducible.
/// </summary>
[Collection(SharedPack.Name)]
public sealed class PackGoldenTests(PackOutput pack)
{
    [Fact]
    public void HeadlineSheet_MatchesGolden() =>
        Golden.Verify("Packs/headline-sheet.xml", XlsxInspection.WorksheetXml(pack.Workbook, "Headline"));

    [Fact]
    public void LocalitySheet_MatchesGolden() =>
        Golden.Verify("Packs/locality-sheet.xml", XlsxInspection.WorksheetXml(pack.Workbook, "Locality"));

    [Fact]
    public void AreaSheet_MatchesGolden() =>
        Golden.Verify("Packs/area-sheet.xml", XlsxInspection.WorksheetXml(pack.Workbook, "Area"));
}
