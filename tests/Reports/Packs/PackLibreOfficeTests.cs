using Warehouse.Reports.Tests.Support;

namespace Warehouse.Reports.Tests.Packs;

/// <summary>A second, independent reader: LibreOffice must open and print both workbooks.</summary>
[Collection(SharedPack.Name)]
public sealed class PackLibreOfficeTests(PackOutput pack)
{
    [RequiresToolFact("soffice", "apt-get install libreoffice-calc-nogui")]
    public void PackAndQaWorkbook_ConvertToPdf()
    {
        using var temp = new TempFolder();
        var profile = new Uri(temp.File("lo-profile")).AbsoluteUri;
        foreach (var workbook in new[] { pack.Workbook, pack.QaWorkbook })
        {
            ExternalTool.Run("soffice", TimeSpan.FromMinutes(4),
                "-env:UserInstallation=" + profile, "--headless", "--convert-to", "pdf", "--outdir", temp.Path, workbook);

            var pdf = new FileInfo(temp.File(Path.GetFileNameWithoutExtension(workbook) + ".pdf"));
            Assert.True(pdf.Exists, $"LibreOffice produced no PDF for {Path.GetFileName(workbook)}");
            Assert.True(pdf.Length > 5000, $"the PDF is only {pdf.Length} bytes");
            Assert.Equal("%PDF"u8.ToArray(), File.ReadAllBytes(pdf.FullName)[..4]);
            Warehouse.Reports.Tests.Charts.ChartOutput.Keep(pdf.Name, File.ReadAllBytes(pdf.FullName));
        }
    }
}
