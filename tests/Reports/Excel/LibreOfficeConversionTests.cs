using Warehouse.Reports.Excel;
using Warehouse.Reports.Tests.Support;

namespace Warehouse.Reports.Tests.Excel;

/// <summary>A second, independent consumer of the files: LibreOffice must open and print them.</summary>
public sealed class LibreOfficeConversionTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [RequiresToolFact("soffice", "apt-get install libreoffice-calc-nogui")]
    public void GeneratedWorkbook_ConvertsToPdf()
    {
        var path = _temp.File("pack.xlsx");
        XlsxWriter.WriteFile(SampleWorkbook.Build(), path);
        var profile = new Uri(_temp.File("lo-profile")).AbsoluteUri;

        ExternalTool.Run("soffice", TimeSpan.FromMinutes(3),
            "-env:UserInstallation=" + profile, "--headless", "--convert-to", "pdf", "--outdir", _temp.Path, path);

        var pdf = new FileInfo(_temp.File("pack.pdf"));
        Assert.True(pdf.Exists, "LibreOffice produced no PDF");
        Assert.True(pdf.Length > 1000, $"the PDF is only {pdf.Length} bytes");
        Assert.Equal("%PDF"u8.ToArray(), File.ReadAllBytes(pdf.FullName)[..4]);
        Charts.ChartOutput.Keep("pack.pdf", File.ReadAllBytes(pdf.FullName));
        Charts.ChartOutput.Keep("pack.xlsx", File.ReadAllBytes(path));
    }
}
