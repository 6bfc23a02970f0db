using Warehouse.Reports.Audit;
using Warehouse.Reports.Tests.Support;
using Warehouse.Xlsx;

namespace Warehouse.Reports.Tests.Audit;

/// <summary>An auditor may open the workbook in LibreOffice rather than Excel: it must open, print, and save back readably.</summary>
public sealed class AuditWorkbookLibreOfficeTests : IDisposable
{
    private readonly AuditWarehouse warehouse = new();
    private readonly TempFolder temp = new();

    public void Dispose()
    {
        warehouse.Dispose();
        temp.Dispose();
    }

    [RequiresToolFact("soffice", "apt-get install libreoffice-calc-nogui")]
    public void AuditWorkbook_PrintsAndSavesBack_WithItsCasesAndIds()
    {
        var sample = warehouse.Draw(blind: false);
        var file = AuditWorkbooks.Write(warehouse.Connection, sample.AuditId, temp.File("audit"), AuditWarehouse.Clock)[0];
        var profile = new Uri(temp.File("lo-profile")).AbsoluteUri;
        var output = temp.File("out");

        ExternalTool.Run("soffice", TimeSpan.FromMinutes(3), "-env:UserInstallation=" + profile, "--headless", "--convert-to", "pdf", "--outdir", output, file.Path);
        ExternalTool.Run("soffice", TimeSpan.FromMinutes(3), "-env:UserInstallation=" + profile, "--headless", "--convert-to", "xlsx", "--outdir", output, file.Path);

        var name = Path.GetFileNameWithoutExtension(file.Path);
        Assert.Equal("%PDF"u8.ToArray(), File.ReadAllBytes(Path.Combine(output, name + ".pdf"))[..4]);
        using var reader = XlsxReader.Open(Path.Combine(output, name + ".xlsx"));
        var rows = reader.ReadRows("Audit").ToList();
        var header = rows.First(r => r.Cells.Any(c => c.Text == "Consultation id"));
        var auditId = header.Cells.ToList().FindIndex(c => c.Text == "Audit id");
        var data = rows.Where(r => r.RowNumber > header.RowNumber && !r.IsEmpty).ToList();
        Assert.Equal(file.Cases, data.Count);
        Assert.All(data, r => Assert.Equal(sample.AuditId, r[auditId].Text));
    }
}
