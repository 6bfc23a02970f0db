using System.Globalization;
using Warehouse.Analytics.Audit;
using Warehouse.Reports.Audit;
using Warehouse.Reports.Excel;

namespace Warehouse.Reports.Tests.Audit;

/// <summary>The executive pack's audit findings section, after disclosure control.</summary>
public sealed class AuditPackSectionTests : IDisposable
{
    private static readonly DateOnly October = new(2026, 10, 1);

    private readonly AuditWarehouse warehouse = new();

    public void Dispose() => warehouse.Dispose();

    /// <summary>Judges the first <paramref name="count"/> cases: right for two cases in three (or every other one); moderators agree with the first auditor.</summary>
    private AuditFindingsResult Audit(int count, bool half = false)
    {
        var sample = warehouse.Draw(blind: false);
        foreach (var c in sample.Cases.Take(count))
        {
            int recommended = warehouse.Connection.Scalar<int>("SELECT recommended_level FROM fact.audit_sample_case WHERE audit_id = $1 AND consultation_id = $2 LIMIT 1", sample.AuditId, c.ConsultationId);
            bool right = half ? c.CaseNumber % 2 == 0 : c.CaseNumber % 3 != 0;
            int level = right ? recommended : recommended == 4 ? 3 : recommended + 1;
            foreach (var auditor in new[] { c.AuditorRef, c.ModeratorRef }.OfType<string>())
            {
                warehouse.Connection.Execute(string.Create(CultureInfo.InvariantCulture,
                    $"INSERT INTO fact.audit_judgement VALUES ('{AuditWarehouse.Partnership}', '{sample.AuditId}', '{c.ConsultationId}', '{auditor}', {level}, 'POLICE', DATE '2026-10-20')"));
            }
        }

        return AuditFindings.Compute(warehouse.Connection, sample.AuditId, AuditWarehouse.Clock);
    }

    private static Dictionary<string, Dictionary<string, string>> Cells(TableSheet sheet) =>
        sheet.Rows.ToDictionary(
            r => r[0].ToString(),
            r => sheet.Columns.Select((c, i) => (c.Header, Text: r[i].ToString())).ToDictionary(x => x.Header, x => x.Text, StringComparer.Ordinal),
            StringComparer.Ordinal);

    private static string Rounded(double? value, int decimals) =>
        Math.Round((decimal)value!.Value, decimals, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture);

    [Fact]
    public void Section_PublishesTheEstimateAndSampleFigures_AndSuppressesSmallCounts()
    {
        var findings = Audit(24);
        var section = AuditPackFindings.Read(warehouse.Connection, AuditWarehouse.Partnership, October)!;

        var rows = Cells(AuditPackSection.RenderAlone(section));

        var right = rows["Right level: auditor's level equals the recommended level"];
        Assert.Equal("24", right["Cases judged"]);
        Assert.Equal(Rounded(findings.RightLevel.Rate * 100, 1), right["Agreement (%)"]);
        Assert.Equal(Rounded(findings.RightLevel.Lower * 100, 1), right["Lower 95% limit (%)"]);
        Assert.Equal(Rounded(findings.RightLevel.Upper * 100, 1), right["Upper 95% limit (%)"]);
        Assert.Equal("[z]", right["Linear-weighted kappa"]);

        var recommended = rows["Auditor's level against the recommended level"];
        Assert.Equal("Audited cases (sample)", recommended["Basis"]);
        Assert.Equal(Rounded(100.0 * findings.AuditedToRecommended.Agreement.Count / 24, 1), recommended["Agreement (%)"]);
        Assert.Equal(Rounded(findings.AuditedToRecommended.LinearKappa.Value, 2), recommended["Linear-weighted kappa"]);
        Assert.Equal(Rounded(findings.AuditedToActual.LinearKappa.Value, 2), rows["Auditor's level against the actual level"]["Linear-weighted kappa"]);

        // Five moderated cases: the count is [c], and so is every figure that would give it away.
        Assert.Equal(5, findings.Moderation.Cases);
        var moderation = rows["Second auditor against first, moderated cases"];
        Assert.Equal("[c]", moderation["Cases judged"]);
        Assert.Equal("[c]", moderation["Agreement (%)"]);
        Assert.Equal("[c]", moderation["Linear-weighted kappa"]);
    }

    [Fact]
    public void Section_MarksFiguresOnFewerThanTheMinimumCasesAsLowReliability()
    {
        // 12 judged, 6 at the right level and 6 not: no count of 1 to 5, but fewer than 20 cases.
        var findings = Audit(12, half: true);
        var section = AuditPackFindings.Read(warehouse.Connection, AuditWarehouse.Partnership, October)!;

        var rows = Cells(AuditPackSection.RenderAlone(section));

        Assert.Equal(12, findings.RightLevel.Judged);
        Assert.Equal(6, findings.RightLevel.RightLevelInSample);
        var right = rows["Right level: auditor's level equals the recommended level"];
        Assert.Equal("12", right["Cases judged"]);
        Assert.Equal("[u]", right["Agreement (%)"]);
        Assert.Equal("[u]", right["Lower 95% limit (%)"]);
        Assert.Equal("[u]", rows["Auditor's level against the recommended level"]["Linear-weighted kappa"]);
    }

    [Fact]
    public void Section_HidesTheEstimate_WhenTheSampleCountsBehindItAreSuppressed()
    {
        // 24 judged, 20 of them at the right level: 4 are not, a count of 1 to 5.
        var sample = warehouse.Draw(blind: false, moderation: 0);
        foreach (var c in sample.Cases)
        {
            int recommended = warehouse.Connection.Scalar<int>("SELECT recommended_level FROM fact.audit_sample_case WHERE audit_id = $1 AND consultation_id = $2", sample.AuditId, c.ConsultationId);
            int level = c.CaseNumber <= 4 ? (recommended == 4 ? 3 : recommended + 1) : recommended;
            warehouse.Connection.Execute(string.Create(CultureInfo.InvariantCulture,
                $"INSERT INTO fact.audit_judgement VALUES ('{AuditWarehouse.Partnership}', '{sample.AuditId}', '{c.ConsultationId}', '{c.AuditorRef}', {level}, NULL, DATE '2026-10-20')"));
        }

        var findings = AuditFindings.Compute(warehouse.Connection, sample.AuditId, AuditWarehouse.Clock);
        var rows = Cells(AuditPackSection.RenderAlone(AuditPackFindings.Read(warehouse.Connection, AuditWarehouse.Partnership, October)!));

        Assert.Equal(20, findings.RightLevel.RightLevelInSample);
        Assert.NotNull(findings.RightLevel.Rate);
        Assert.Equal("[c]", rows["Right level: auditor's level equals the recommended level"]["Agreement (%)"]);
        Assert.Equal("[c]", rows["Auditor's level against the recommended level"]["Agreement (%)"]);
    }

    [Fact]
    public void Read_TakesTheLatestAuditOfTheMonthOrEarlier()
    {
        Assert.Null(AuditPackFindings.Read(warehouse.Connection, AuditWarehouse.Partnership, October));
        var findings = Audit(24);

        Assert.Null(AuditPackFindings.Read(warehouse.Connection, AuditWarehouse.Partnership, new DateOnly(2026, 8, 1)));
        var read = AuditPackFindings.Read(warehouse.Connection, AuditWarehouse.Partnership, October)!;
        Assert.Equal(findings.AuditId, read.AuditId);
        Assert.Equal(new DateOnly(2026, 9, 1), read.Period);
        Assert.Equal(findings.RightLevel.Rate, read.Find(AuditComparisons.RightLevel, "rate")!.Value);
    }
}
