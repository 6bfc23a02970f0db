// The full audit loop end to end: sample (analytics), auditors' workbooks (reports), import (etl), findings.
using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Warehouse.Analytics.Audit;
using Warehouse.Etl.Loading;
using Warehouse.Etl.Tests.Support;
using Warehouse.Reports.Audit;

namespace Warehouse.Etl.Tests.Sources.Audit;

/// <summary>
/// Sample → workbooks → filled in as auditors would (Open XML, input cells only) → imported through the
/// inbox loader → findings, every finding checked against values computed here from what the test
/// knows: the consultations it generated and the judgements it wrote.
/// </summary>
public sealed class AuditRoundTripTests : IDisposable
{
    private const string Partnership = "warwickshire";
    private const double Z = 1.959963984540054;
    private const string Rationale = "Case notes show escalating neglect; the threshold document places this at Family Help";

    private static readonly string[] Localities = ["NUN", "RUG", "STR", "WAR"];
    private static readonly string[] Outcomes = ["advice", "early_support_assessment", "family_help_assessment", "child_protection"];

    private readonly LoadHarness harness = new();

    /// <summary>Each generated assessable consultation: locality, category, recommended and actual level.</summary>
    private readonly Dictionary<string, (string Locality, string Category, int Recommended, int Actual)> truth = new(StringComparer.Ordinal);

    public AuditRoundTripTests()
    {
        var csv = new ConsultationCsv();
        int n = 0;
        foreach (var locality in Localities)
        {
            foreach (var (category, count, recommended, actual) in new[] { ("agreed", 15, 2, 2), ("over", 5, 2, 3), ("under", 4, 3, 2), ("serious_under", 1, 4, 1) })
            {
                for (int i = 0; i < count; i++, n++)
                {
                    var id = string.Create(CultureInfo.InvariantCulture, $"RT{n:000}");
                    int r = category == "agreed" && i % 3 == 0 ? 3 : recommended;
                    int a = category == "agreed" ? r : actual;
                    Add(csv, id, locality, 1 + (n % 28), r, a);
                    truth[id] = (locality, category, r, a);
                }
            }

            // Not assessable: no recommended level recorded; no actual level (implied or pending).
            Add(csv, $"RT-{locality}-norec", locality, 9, null, 2);
            Add(csv, $"RT-{locality}-noact", locality, 25, 3, null);
        }

        // A later consultation: the data cut-off is its date, so September's windows have closed.
        Add(csv, "RT-october", "NUN", 1, 2, 2, month: 10);
        harness.Drop(Partnership, "consultations.csv", csv.Build());
        var loaded = Assert.Single(harness.Load().Files);
        Assert.True(loaded.Outcome == FileOutcome.Loaded && loaded.RowsRejected == 0, loaded.Reason);
    }

    public void Dispose() => harness.Dispose();

    private static void Add(ConsultationCsv csv, string id, string locality, int day, int? recommended, int? actual, int month = 9) =>
        csv.Add(id, r =>
        {
            r["locality"] = locality;
            r["consultation_date"] = string.Create(CultureInfo.InvariantCulture, $"2026-{month:00}-{day:00}");
            r["decision_date"] = r["consultation_date"];
            r["recommended_level"] = recommended?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
            r["actual_level"] = actual?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
            int level = recommended ?? 2;
            r["outcome"] = Outcomes[level - 1];
            r["consent"] = level == 4 ? "not_required" : "given";
            r["indicators"] = level >= 3 ? "WAR-U-HEA-01;WAR-IP-01" : "WAR-U-HEA-01";
            r["likelihood"] = (id.Length % 10).ToString(CultureInfo.InvariantCulture);
        });

    private static int Number(string id) => int.Parse(id[2..], CultureInfo.InvariantCulture);

    /// <summary>What auditors judge: the recommended level for most cases, one level off for every fourth.</summary>
    private int FirstVerdict(string id)
    {
        var recommended = truth[id].Recommended;
        return Number(id) % 4 == 0 ? (recommended == 4 ? 3 : recommended + 1) : recommended;
    }

    /// <summary>A moderating second auditor agrees on even-numbered cases and judges one level lower on odd ones.</summary>
    private int SecondVerdict(string id) => Number(id) % 2 == 0 ? FirstVerdict(id) : Math.Max(1, FirstVerdict(id) - 1);

    [Fact]
    public void The_audit_loop_runs_end_to_end_and_every_finding_matches_an_independent_computation()
    {
        var sample = AuditSampler.Draw(harness.Connection, new AuditSampleRequest
        {
            Partnership = Partnership,
            Month = "2026-09",
            Size = 30,
            Seed = 20261120,
            Auditors = ["QA1", "QA2", "QA3"],
        }, harness.Clock);
        Assert.Equal(truth.Count, sample.Population);
        Assert.Equal(3, sample.Moderated);

        var files = AuditWorkbooks.Write(harness.Connection, sample.AuditId, Path.Combine(harness.Folder, "restricted", "audit"), harness.Clock);
        Assert.Equal(["QA1", "QA2", "QA3"], files.Select(f => f.AuditorRef));

        // Each auditor fills in their own workbook; QA2 mistypes one level (a case of a large stratum).
        var primary = sample.Cases.ToDictionary(c => c.ConsultationId, StringComparer.Ordinal);
        var judged = new Dictionary<(string Id, string Auditor), int>();
        (string Id, int Row)? mistyped = null;
        foreach (var file in files)
        {
            Fill(file.Path, (id, row) =>
            {
                var c = primary[id];
                int level = c.AuditorRef == file.AuditorRef ? FirstVerdict(id) : SecondVerdict(id);
                if (file.AuditorRef == "QA2" && mistyped is null && c.AuditorRef == "QA2" && truth[id].Category == "agreed")
                {
                    mistyped = (id, row);
                    return "Level 7";
                }

                judged[(id, file.AuditorRef)] = level;
                // Each auditor gives the level in a form the framework accepts: name, number or code.
                return file.AuditorRef switch
                {
                    "QA1" => Names[level - 1],
                    "QA2" => level.ToString(CultureInfo.InvariantCulture),
                    _ => Codes[level - 1],
                };
            });
            harness.DropFile(Partnership, file.Path);
        }

        var report = harness.Load();

        Assert.Equal(3, report.Files.Count);
        Assert.All(report.Files, f => Assert.True(f.Outcome == FileOutcome.Loaded && f.Kind == "audit_return", f.Reason));
        var reject = Assert.Single(harness.Rows("SELECT file_name, sheet, row_number, column_name, value FROM ops.rejects WHERE file_name LIKE '%QA2.xlsx'"));
        Assert.Equal(["Audit", (long)mistyped!.Value.Row, "Auditor's level", "Level 7"], reject.Skip(1).Select(v => v is long l ? (object)l : v));
        Assert.Equal(judged.Count, harness.Scalar<long>("SELECT count(*) FROM fact.audit_judgement WHERE audit_id = $1", sample.AuditId));
        Assert.Empty(IdentifierScan.TextColumnsContaining(harness.Connection, [Rationale]));

        var findings = AuditFindings.Compute(harness.Connection, sample.AuditId, harness.Clock);

        // The month's right-level rate: per stratum (locality × category, as generated), N_h from the
        // generated data, m_h and y_h from the judgements written; W_h = N_h / N over judged strata.
        var strata = truth.GroupBy(t => $"{t.Value.Locality}/{t.Value.Category}").ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        Assert.Equal(strata.OrderBy(s => s.Key, StringComparer.Ordinal), sample.Strata.Select(s => KeyValuePair.Create(s.Stratum, (int)s.Population)).OrderBy(s => s.Key, StringComparer.Ordinal));
        double population = 0;
        double weighted = 0;
        var parts = new List<(double N, double m, double p)>();
        foreach (var (stratum, size) in strata)
        {
            var cases = sample.Cases.Where(c => $"{truth[c.ConsultationId].Locality}/{truth[c.ConsultationId].Category}" == stratum).ToList();
            var levels = cases.Select(c => judged.TryGetValue((c.ConsultationId, c.AuditorRef), out var l) ? l
                : c.ModeratorRef is { } m && judged.TryGetValue((c.ConsultationId, m), out var l2) ? l2 : (int?)null)
                .Zip(cases, (l, c) => (Level: l, c.ConsultationId)).Where(x => x.Level is not null).ToList();
            if (levels.Count == 0)
            {
                continue;
            }

            double p = levels.Count(x => x.Level == truth[x.ConsultationId].Recommended) / (double)levels.Count;
            population += size;
            weighted += size * p;
            parts.Add((size, levels.Count, p));
        }

        double rate = weighted / population;
        double variance = parts.Sum(s => s.m >= s.N ? 0
            : (s.N / population) * (s.N / population) * (1 - (s.m / s.N)) * (s.m > 1 ? s.m * s.p * (1 - s.p) / (s.m - 1) : 0.25) / s.m);
        var (lower, upper) = Wilson(rate, rate * (1 - rate) / variance);
        Assert.Equal(judged.Keys.Select(k => k.Id).Distinct().Count(), findings.RightLevel.Judged);
        Assert.Equal(sample.Size - 1, findings.RightLevel.Judged);
        Approx(rate, findings.RightLevel.Rate);
        Approx(Math.Sqrt(variance), findings.RightLevel.StandardError);
        Approx(lower, findings.RightLevel.Lower);
        Approx(upper, findings.RightLevel.Upper);
        Assert.Contains(findings.Notes, n => n.Contains("1 of the 30 sampled case(s) have no judgement yet", StringComparison.Ordinal));

        // Sample figures: the judged cases' own pairs.
        var firstJudgements = sample.Cases
            .Select(c => (c, Level: judged.TryGetValue((c.ConsultationId, c.AuditorRef), out var l) ? l : (int?)null))
            .Where(x => x.Level is not null).ToList();
        AssertAgreement(firstJudgements.Select(x => (x.Level!.Value, truth[x.c.ConsultationId].Recommended)).ToList(), findings.AuditedToRecommended);
        AssertAgreement(firstJudgements.Select(x => (x.Level!.Value, truth[x.c.ConsultationId].Actual)).ToList(), findings.AuditedToActual);
        var moderation = sample.Cases.Where(c => c.IsModerated && judged.ContainsKey((c.ConsultationId, c.AuditorRef)) && judged.ContainsKey((c.ConsultationId, c.ModeratorRef!)))
            .Select(c => (judged[(c.ConsultationId, c.AuditorRef)], judged[(c.ConsultationId, c.ModeratorRef!)])).ToList();
        Assert.NotEmpty(moderation);
        AssertAgreement(moderation, findings.Moderation);

        // The check runs read the same judgements: audited → recommended counts the judged cases.
        Assert.Equal(findings.RightLevel.Judged, harness.Scalar<long>("SELECT count(DISTINCT consultation_id) FROM fact.audit_judgement WHERE audit_id = $1", sample.AuditId));
    }

    [Fact]
    public void Reimporting_a_workbook_replaces_only_that_auditors_judgements_for_that_audit()
    {
        var sample = AuditSampler.Draw(harness.Connection, new AuditSampleRequest
        {
            Partnership = Partnership, Month = "2026-09", Size = 20, Seed = 5, Auditors = ["QA1", "QA2"],
        }, harness.Clock);
        var other = AuditSampler.Draw(harness.Connection, new AuditSampleRequest
        {
            Partnership = Partnership, Month = "2026-09", Size = 10, Seed = 6, Auditors = ["QA1"], ModerationShare = 0,
        }, harness.Clock);
        var files = AuditWorkbooks.Write(harness.Connection, sample.AuditId, Path.Combine(harness.Folder, "a"), harness.Clock)
            .Concat(AuditWorkbooks.Write(harness.Connection, other.AuditId, Path.Combine(harness.Folder, "b"), harness.Clock)).ToList();
        foreach (var file in files)
        {
            Fill(file.Path, (id, _) => Codes[FirstVerdict(id) - 1]);
            harness.DropFile(Partnership, file.Path);
        }

        Assert.All(harness.Load().Files, f => Assert.Equal(FileOutcome.Loaded, f.Outcome));
        var before = Snapshot();

        // QA1 revises audit one: every case judged at the top level, and one case left blank.
        var qa1 = files.First(f => f.Path.EndsWith($"{sample.AuditId}-QA1.xlsx", StringComparison.Ordinal));
        int count = 0;
        Fill(qa1.Path, (_, _) => count++ == 0 ? null : "Immediate protection");
        harness.DropFile(Partnership, qa1.Path, "qa1-revised.xlsx");
        var revisedLoad = Assert.Single(harness.Load().Files);

        Assert.Equal(FileOutcome.Loaded, revisedLoad.Outcome);
        var after = Snapshot();
        Assert.Equal(before.Where(r => !(r.Audit == sample.AuditId && r.Auditor == "QA1")), after.Where(r => !(r.Audit == sample.AuditId && r.Auditor == "QA1")));
        var revised = after.Where(r => r.Audit == sample.AuditId && r.Auditor == "QA1").ToList();
        Assert.Equal(qa1.Cases - 1, revised.Count);
        Assert.All(revised, r => Assert.Equal(4, r.Level));
        Assert.Contains(after, r => r.Audit == other.AuditId && r.Auditor == "QA1");
    }

    [Fact]
    public void Blind_workbooks_show_neither_the_outcome_nor_any_level_in_any_cell()
    {
        var sample = AuditSampler.Draw(harness.Connection, new AuditSampleRequest
        {
            Partnership = Partnership, Month = "2026-09", Size = 30, Seed = 9, Auditors = ["QA1", "QA2"], Blind = true,
        }, harness.Clock);
        var framework = LoadHarness.Frameworks.Get(Partnership).Latest;
        var forbidden = framework.Levels.SelectMany(l => l.Names.Append(l.Code))
            .Concat(framework.Outcomes.SelectMany(o => new[] { o.Code, o.Label })).ToList();

        foreach (var file in AuditWorkbooks.Write(harness.Connection, sample.AuditId, Path.Combine(harness.Folder, "blind"), harness.Clock))
        {
            var cells = AllCellTexts(file.Path);
            Assert.Contains(cells, c => c.Contains("RT", StringComparison.Ordinal));
            foreach (var text in cells)
            {
                Assert.DoesNotContain(forbidden, f => text.Contains(f, StringComparison.OrdinalIgnoreCase));
            }
        }
    }

    private static readonly string[] Names = ["Universal", "Early Support", "Family Help", "Immediate protection"];
    private static readonly string[] Codes = ["universal", "early_support", "family_help", "immediate_protection"];

    private List<(string Audit, string Consultation, string Auditor, int Level)> Snapshot() =>
        harness.Rows("SELECT audit_id, consultation_id, auditor_ref, auditor_level FROM fact.audit_judgement ORDER BY ALL")
            .Select(r => ((string)r[0]!, (string)r[1]!, (string)r[2]!, Convert.ToInt32(r[3], CultureInfo.InvariantCulture))).ToList();

    /// <summary>
    /// Fills the input cells of a written audit workbook as an auditor would: for each case row, the
    /// level <paramref name="level"/> gives (null clears the case's inputs: not judged), the auditor's
    /// agency, the audit date and a rationale. Only the four input columns are touched.
    /// </summary>
    private static void Fill(string path, Func<string, int, string?> level)
    {
        using var document = SpreadsheetDocument.Open(path, true);
        var workbook = document.WorkbookPart!;
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "Audit");
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        string Text(Cell cell) => cell.DataType?.Value == CellValues.SharedString ? shared[int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)]
            : cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? string.Empty;
        var rows = part.Worksheet.Descendants<Row>().ToList();
        var header = rows.First(r => r.Elements<Cell>().Any(c => Text(c) == "Consultation id"));
        var columns = header.Elements<Cell>().ToDictionary(c => Text(c), c => Warehouse.Xlsx.CellReference.ColumnIndex(c.CellReference!.Value!), StringComparer.Ordinal);
        foreach (var row in rows.Where(r => r.RowIndex!.Value > header.RowIndex!.Value))
        {
            var cells = row.Elements<Cell>().ToDictionary(c => Warehouse.Xlsx.CellReference.ColumnIndex(c.CellReference!.Value!));
            var id = Text(cells[columns["Consultation id"]]);
            var value = level(id, (int)row.RowIndex!.Value);
            string[] inputs = ["Auditor's level", "Auditor's agency", "Audit date", "Rationale (stays in this workbook)"];
            if (value is null)
            {
                foreach (var input in inputs)
                {
                    cells[columns[input]].RemoveAllChildren();
                    cells[columns[input]].DataType = null;
                }

                continue;
            }

            SetText(cells[columns["Auditor's level"]], value);
            SetText(cells[columns["Auditor's agency"]], "LA_SOCIAL_CARE");
            cells[columns["Audit date"]].CellValue = new CellValue((new DateOnly(2026, 11, 18).DayNumber - new DateOnly(1899, 12, 30).DayNumber).ToString(CultureInfo.InvariantCulture));
            SetText(cells[columns["Rationale (stays in this workbook)"]], Rationale);
        }

        part.Worksheet.Save();
    }

    private static void SetText(Cell cell, string text)
    {
        cell.RemoveAllChildren();
        cell.DataType = CellValues.InlineString;
        cell.Append(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static List<string> AllCellTexts(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        var workbook = document.WorkbookPart!;
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
        return workbook.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<Cell>())
            .Select(c => c.DataType?.Value == CellValues.SharedString ? shared[int.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture)]
                : c.InlineString?.InnerText ?? c.CellValue?.Text ?? string.Empty)
            .ToList();
    }

    private static void AssertAgreement(List<(int Reference, int Compared)> pairs, SampleAgreement agreement)
    {
        int n = pairs.Count;
        Assert.Equal(n, agreement.Cases);
        for (int r = 1; r <= 4; r++)
        {
            for (int c = 1; c <= 4; c++)
            {
                Assert.Equal(pairs.Count(p => p.Reference == r && p.Compared == c), agreement.Matrix[r - 1][c - 1]);
            }
        }

        Assert.Equal(pairs.Count(p => p.Reference == p.Compared), agreement.Agreement.Count);
        Assert.Equal(pairs.Count(p => p.Compared > p.Reference), agreement.Over.Count);
        Assert.Equal(pairs.Count(p => p.Compared < p.Reference), agreement.Under.Count);
        Assert.Equal(pairs.Count(p => p.Reference == 4 && p.Compared <= 2), agreement.SeriousUnder.Count);
        var (lower, upper) = Wilson((double)agreement.Agreement.Count / n, n);
        Approx(lower, agreement.Agreement.Lower);
        Approx(upper, agreement.Agreement.Upper);

        double? Kappa(Func<int, int, double> weight)
        {
            double po = pairs.Average(p => weight(p.Reference, p.Compared));
            double pe = 0;
            for (int i = 1; i <= 4; i++)
            {
                for (int j = 1; j <= 4; j++)
                {
                    pe += weight(i, j) * pairs.Count(p => p.Reference == i) / n * pairs.Count(p => p.Compared == j) / n;
                }
            }

            return pe >= 1 - 1e-12 ? null : (po - pe) / (1 - pe);
        }

        Same(Kappa((i, j) => i == j ? 1 : 0), agreement.Kappa.Value);
        Same(Kappa((i, j) => 1 - (Math.Abs(i - j) / 3.0)), agreement.LinearKappa.Value);
        Same(Kappa((i, j) => 1 - ((i - j) * (i - j) / 9.0)), agreement.QuadraticKappa.Value);
    }

    private static (double Lower, double Upper) Wilson(double p, double n)
    {
        double centre = (p + (Z * Z / (2 * n))) / (1 + (Z * Z / n));
        double half = Z / (1 + (Z * Z / n)) * Math.Sqrt((p * (1 - p) / n) + (Z * Z / (4 * n * n)));
        return (p == 0 ? 0 : centre - half, p == 1 ? 1 : centre + half);
    }

    /// <summary>Both undefined, or both within 1e-9.</summary>
    private static void Same(double? expected, double? actual)
    {
        if (expected is null)
        {
            Assert.Null(actual);
            return;
        }

        Approx(expected.Value, actual);
    }

    private static void Approx(double expected, double? actual) =>
        Assert.True(actual is double a && Math.Abs(expected - a) <= 1e-9, string.Create(CultureInfo.InvariantCulture, $"expected {expected:R}, got {actual:R}"));
}
