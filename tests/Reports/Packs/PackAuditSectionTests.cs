using System.Globalization;
using Warehouse.Analytics.Audit;
using Warehouse.Reports.Audit;
using Warehouse.Reports.Packs;
using Warehouse.Reports.Tests.Support;

namespace Warehouse.Reports.Tests.Packs;

/// <summary>
/// The monthly pack with a threshold audit loaded: the findings section is one more table of the pack,
/// under the pack's one disclosure request (sheet, contents entry, CSV, tidy CSV); without an audit
/// the pack has no such section.
/// </summary>
public sealed class PackAuditSectionTests : IDisposable
{
    private const string Sheet = "Audit_sample";

    private readonly PackWarehouse _warehouse = new();

    private readonly TempFolder _temp = new();

    public void Dispose()
    {
        _warehouse.Dispose();
        _temp.Dispose();
    }

    /// <summary>
    /// Draws a sample of September 2026 (the month before the pack's) and judges every case: right for
    /// two cases in three, one level out otherwise; the moderators agree with the first auditor.
    /// </summary>
    private (AuditSample Sample, AuditFindingsResult Findings) Audit()
    {
        var sample = AuditSampler.Draw(_warehouse.Connection, new AuditSampleRequest
        {
            Partnership = PackWarehouse.Partnership,
            Month = "2026-09",
            Size = 60,
            Seed = 7,
            Auditors = ["QA1", "QA2", "QA3"],
            ModerationShare = 0.05,
            CutOff = PackWarehouse.CutOff,
        }, FixedClock.Default);
        var values = new List<string>();
        foreach (var c in sample.Cases)
        {
            int recommended = _warehouse.Connection.Scalar<int>(
                "SELECT recommended_level FROM fact.audit_sample_case WHERE audit_id = $1 AND consultation_id = $2 LIMIT 1", sample.AuditId, c.ConsultationId);
            int level = c.CaseNumber % 3 != 0 ? recommended : recommended == 4 ? 3 : recommended + 1;
            foreach (var auditor in new[] { c.AuditorRef, c.ModeratorRef }.OfType<string>())
            {
                values.Add(string.Create(CultureInfo.InvariantCulture,
                    $"('{PackWarehouse.Partnership}', '{sample.AuditId}', '{c.ConsultationId}', '{auditor}', {level}, 'POLICE', DATE '2026-10-20')"));
            }
        }

        _warehouse.Connection.Execute($"INSERT INTO fact.audit_judgement VALUES {string.Join(",\n", values)}");
        return (sample, AuditFindings.Compute(_warehouse.Connection, sample.AuditId, FixedClock.Default));
    }

    private (PackResult Result, string Folder) Build(string name)
    {
        var options = PackOutput.OptionsFor(Path.Combine(_temp.Path, name)) with { RenderPng = false };
        var result = PackBuilder.Build(_warehouse.Connection, _warehouse.RunId, options, FixedClock.Default);
        return (result, Path.Combine(options.OutputFolder, PackWarehouse.Partnership, "2026-10"));
    }

    private static string Workbook(string folder) => Path.Combine(folder, "pack-warwickshire-2026-10.xlsx");

    private static bool IsSmall(string text) =>
        long.TryParse(text.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out long n) && n is >= 1 and <= 5;

    [Fact]
    public void Build_WithAnAuditLoaded_PublishesTheFindingsSection_UnderTheMonthsDisclosureControl()
    {
        var (sample, findings) = Audit();
        // A small count for disclosure control to protect, or the test could not fail.
        Assert.InRange(findings.Moderation.Cases, 1, 5);
        Assert.True(findings.RightLevel.Judged >= 20, $"{findings.RightLevel.Judged} judged");

        var (result, folder) = Build("audited");

        // The workbook: its own sheet, listed in the contents, valid.
        var cells = XlsxCells.Read(Workbook(folder));
        var section = cells.Where(c => c.Sheet == Sheet).ToList();
        Assert.NotEmpty(section);
        Assert.Contains(cells, c => c.Sheet == "Contents" && c.Text == Sheet);
        Assert.Contains(section, c => c.Text.Contains(sample.AuditId, StringComparison.Ordinal));
        Assert.Empty(XlsxInspection.ValidationErrors(Workbook(folder)));

        // Disclosure applied: no published count from 1 to 5, the moderation count [c], the sample counts published.
        var counts = section.Where(c => c.IsNumber && c.Format == "#,##0").ToList();
        Assert.Contains(counts, c => c.Text == findings.RightLevel.Judged.ToString(CultureInfo.InvariantCulture));
        Assert.DoesNotContain(counts, c => IsSmall(c.Text));
        Assert.DoesNotContain(section, c => !c.IsNumber && IsSmall(c.Text));
        Assert.Contains(section, c => c.Text == "[c]");

        // The CSV of the table, the same rows.
        var csv = Path.Combine(folder, "csv", AuditPackSection.TableId + ".csv");
        Assert.Contains(result.Files, f => f.Path == csv && f.Kind == PackFileKind.Publishable);
        var rows = CsvText.Read(csv);
        var moderation = rows.Single(r => r[0] == "Second auditor against first, moderated cases");
        Assert.Equal("[c]", moderation[2]);
        Assert.Equal("[c]", moderation[3]);
        Assert.Equal(findings.RightLevel.Judged.ToString(CultureInfo.InvariantCulture), rows.Single(r => r[0] == "Auditor's level against the recommended level")[2]);
        Assert.DoesNotContain(rows.Skip(1), r => IsSmall(r[2]));

        // Every figure of the section in the tidy CSV, the small ones suppressed.
        var tidy = CsvText.Records(Path.Combine(folder, "tidy.csv")).Where(r => r["grouping"] == "audit" && r["group"] == sample.AuditId).ToList();
        Assert.Contains(tidy, r => r["comparison"] == AuditComparisons.Moderation && r["measure"] == "cases" && r["value"] == "[c]");
        Assert.Contains(tidy, r => r["comparison"] == AuditComparisons.RightLevel && r["measure"] == "rate");
        Assert.DoesNotContain(tidy, r => r["unit"] == "count" && IsSmall(r["value"]));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Build_WithoutAnAudit_HasNoFindingsSection()
    {
        var (result, folder) = Build("plain");

        var cells = XlsxCells.Read(Workbook(folder));
        Assert.DoesNotContain(cells, c => c.Sheet == Sheet);
        Assert.DoesNotContain(cells, c => c.Sheet == "Contents" && c.Text == Sheet);
        Assert.DoesNotContain(result.Files, f => f.Path.EndsWith(AuditPackSection.TableId + ".csv", StringComparison.Ordinal));
        Assert.DoesNotContain(CsvText.Records(Path.Combine(folder, "tidy.csv")), r => r["grouping"] == "audit");
    }
}
