using System.Globalization;
using Warehouse.Reports.Excel;
using Warehouse.Store.DuckDb;
using Warehouse.Xlsx;

namespace Warehouse.Reports.Audit;

/// <summary>
/// Lays out one auditor's audit workbook: an instructions sheet, the Audit sheet (the cases, locked,
/// with unlocked input columns and drop-downs) and a Lists sheet behind the drop-downs.
/// </summary>
internal static class AuditWorkbookBuilder
{
    public const string Marking = "OFFICIAL-SENSITIVE";

    public const string MarkingLine = "OFFICIAL-SENSITIVE: case-level information for the auditor named by the reference below only. Do not forward, copy or publish it; delete it once the audit is closed.";

    /// <summary>Days after the draw offered in the audit-date drop-down (a later date is allowed with a warning).</summary>
    public const int AuditDateDays = 120;

    private const string ListsSheet = "Lists";

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static WorkbookModel Build(DuckDbConnection connection, AuditWorkbookData data, string auditor, DateTimeOffset now)
    {
        var month = data.Period.ToString("MMMM yyyy", English);
        var (levelChoices, agencyDropDown, lists) = DropDowns(data);
        var columns = Columns(data, levelChoices, agencyDropDown, lists.DateRange);
        var audit = new TableSheet(AuditWorkbookColumns.Sheet, $"Threshold audit: {data.PartnershipName}, consultations of {month} ({Marking})", "Audit_cases", columns,
            Rows(connection, data, auditor))
        {
            Description =
            [
                MarkingLine,
                $"Auditor reference {auditor}; audit {data.AuditId}. Fill in the unlocked columns (auditor's level, agency, audit date and rationale) for each case; every other cell is locked.",
            ],
            Protect = true,
            AutoFilter = false,
        };

        var instructions = new TextSheet("Instructions", $"Threshold audit instructions: auditor {auditor} ({Marking})", Instructions(data, auditor, month, data.CaseCount(connection, auditor)))
        {
            Description = [MarkingLine],
        };

        return new WorkbookModel($"Threshold audit {data.AuditId}: auditor {auditor}", [instructions, audit, lists.Sheet])
        {
            Marking = Marking,
            Subject = "Threshold audit workbook (restricted)",
            Keywords = $"{Marking}; {data.AuditId}; {auditor}",
            Created = now,
        };
    }

    private static List<SheetColumn> Columns(AuditWorkbookData data, DropDownList levels, DropDownList? agencies, string dateRange)
    {
        var columns = new List<SheetColumn>
        {
            SheetColumn.Integer(AuditWorkbookColumns.Case) with { Width = 7 },
            SheetColumn.Text(AuditWorkbookColumns.ConsultationId),
            SheetColumn.Text(AuditWorkbookColumns.ChildKey) with { Width = 24 },
            SheetColumn.Date(AuditWorkbookColumns.ConsultationDate) with { Width = 13 },
            SheetColumn.Date(AuditWorkbookColumns.DecisionDate) with { Width = 13 },
            SheetColumn.Text(AuditWorkbookColumns.Locality),
            SheetColumn.Text(AuditWorkbookColumns.CallerAgency),
            SheetColumn.Text(AuditWorkbookColumns.Indicators) with { Width = 60 },
            SheetColumn.Integer(AuditWorkbookColumns.Likelihood) with { Width = 14 },
            SheetColumn.Integer(AuditWorkbookColumns.Seriousness) with { Width = 14 },
        };
        if (!data.Blind)
        {
            columns.Add(SheetColumn.Text(AuditWorkbookColumns.Outcome));
            columns.Add(SheetColumn.Text(AuditWorkbookColumns.RecommendedLevel));
            columns.Add(SheetColumn.Text(AuditWorkbookColumns.IndicatedLevel));
            columns.Add(SheetColumn.Text(AuditWorkbookColumns.ActualLevel));
            columns.Add(SheetColumn.Text(AuditWorkbookColumns.ActualSource));
        }

        columns.Add(SheetColumn.Text(AuditWorkbookColumns.AuditorLevel) with { IsInput = true, Width = 24, DropDown = levels });
        columns.Add(SheetColumn.Text(AuditWorkbookColumns.AuditorAgency) with { IsInput = true, Width = 20, DropDown = agencies });
        columns.Add(SheetColumn.Date(AuditWorkbookColumns.AuditDate) with
        {
            IsInput = true,
            Width = 13,
            DropDown = DropDownList.FromRange(dateRange) with { Strict = false, Prompt = "The day you judged the case. Choose it from the list, or type a date (dd/mm/yyyy)." },
        });
        columns.Add(SheetColumn.Text(AuditWorkbookColumns.Rationale) with { IsInput = true, Width = 60 });
        columns.Add(SheetColumn.Text(AuditWorkbookColumns.AuditorRef) with { Width = 12 });
        columns.Add(SheetColumn.Text(AuditWorkbookColumns.AuditId) with { Width = 36 });
        return columns;
    }

    private static IEnumerable<IReadOnlyList<SheetCell>> Rows(DuckDbConnection connection, AuditWorkbookData data, string auditor)
    {
        foreach (var c in data.Cases(connection, auditor))
        {
            var row = new List<SheetCell>
            {
                SheetCell.Number(c.CaseNumber),
                SheetCell.Text(c.ConsultationId),
                SheetCell.Text(c.ChildKey),
                SheetCell.Date(c.ConsultationDate),
                c.DecisionDate is { } decision ? SheetCell.Date(decision) : SheetCell.Blank,
                SheetCell.Text(c.Locality),
                SheetCell.Text(c.CallerAgency),
                SheetCell.Text(c.Indicators),
                SheetCell.NumberOrBlank(c.Likelihood),
                SheetCell.NumberOrBlank(c.Seriousness),
            };
            if (!data.Blind)
            {
                row.Add(TextOrBlank(c.Outcome));
                row.Add(TextOrBlank(c.RecommendedLevel));
                row.Add(TextOrBlank(c.IndicatedLevel));
                row.Add(TextOrBlank(c.ActualLevel));
                row.Add(TextOrBlank(c.ActualSource));
            }

            row.Add(SheetCell.Blank);
            row.Add(SheetCell.Blank);
            row.Add(SheetCell.Blank);
            row.Add(SheetCell.Blank);
            row.Add(SheetCell.Text(auditor));
            row.Add(SheetCell.Text(data.AuditId));
            yield return row;
        }
    }

    private static SheetCell TextOrBlank(string? text) => text is null ? SheetCell.Blank : SheetCell.Text(text);

    /// <summary>
    /// The drop-downs: the framework's levels by name written into the rule (never as cells, so a blind
    /// workbook holds no level anywhere a reader could take for a case's), agencies likewise when they
    /// fit in Excel's 255 characters, otherwise from the Lists sheet, and audit dates from the Lists sheet.
    /// </summary>
    private static (DropDownList Levels, DropDownList? Agencies, (TableSheet Sheet, string DateRange) Lists) DropDowns(AuditWorkbookData data)
    {
        var levelPrompt = $"Choose the level of need you judge the threshold document ({data.PartnershipName}, version {data.FrameworkVersion}) called for.";
        DropDownList levels;
        try
        {
            levels = DropDownList.FromChoices(data.Levels.Select(l => l.Name).ToList());
        }
        catch (ArgumentException)
        {
            // A name with a comma, or names too long for a written list: the codes, which the import reads too.
            levels = DropDownList.FromChoices(data.Levels.Select(l => l.Code).ToList());
        }

        levels = levels with { Prompt = levelPrompt.Length <= 255 ? levelPrompt : "Choose the level of need you judge the threshold document called for." };

        var dates = Enumerable.Range(0, AuditDateDays).Select(d => data.DrawnOn.AddDays(d)).ToList();
        const int header = 3;
        bool agencyOnSheet = false;
        DropDownList? agencies = null;
        if (data.Agencies.Count > 0)
        {
            try
            {
                agencies = DropDownList.FromChoices(data.Agencies);
            }
            catch (ArgumentException)
            {
                // Too long for a written list (or a code with a comma): the list goes on the Lists sheet.
                agencyOnSheet = true;
                agencies = DropDownList.FromRange(CellReference.AbsoluteRange(ListsSheet, 1, header + 1, header + data.Agencies.Count));
            }

            agencies = agencies with { Prompt = "Your own agency (the agency you audit for)." };
        }
        var listColumns = new List<SheetColumn> { SheetColumn.Date(AuditWorkbookColumns.AuditDate) with { Width = 14 } };
        if (agencyOnSheet)
        {
            listColumns.Add(SheetColumn.Text(AuditWorkbookColumns.AuditorAgency) with { Width = 24 });
        }

        int rows = Math.Max(dates.Count, agencyOnSheet ? data.Agencies.Count : 0);
        var cells = Enumerable.Range(0, rows).Select(i =>
        {
            var row = new List<SheetCell> { i < dates.Count ? SheetCell.Date(dates[i]) : SheetCell.Blank };
            if (agencyOnSheet)
            {
                row.Add(i < data.Agencies.Count ? SheetCell.Text(data.Agencies[i]) : SheetCell.Blank);
            }

            return (IReadOnlyList<SheetCell>)row;
        }).ToList();
        var sheet = new TableSheet(ListsSheet, $"Lists behind the drop-downs ({Marking})", "Audit_lists", listColumns, cells)
        {
            Description = ["The values the Audit sheet's drop-downs offer. Nothing to fill in here."],
            Protect = true,
            AutoFilter = false,
        };
        return (levels, agencies, (sheet, CellReference.AbsoluteRange(ListsSheet, 0, header + 1, header + dates.Count)));
    }

    private static List<SheetCell> Instructions(AuditWorkbookData data, string auditor, string month, long cases)
    {
        var lines = new List<string>
        {
            $"Audit {data.AuditId}: {data.PartnershipName}, front-door consultations of {month}. Auditor reference: {auditor}.",
            "What to do: for each case on the Audit sheet, read the case in the source system (find it by its consultation id) and judge, against the threshold document, the level of need the front door should have recommended.",
            "Fill in the unlocked columns of every case: Auditor's level (choose one of the document's four levels from the list), Auditor's agency (your own agency), Audit date (the day you judged the case) and Rationale (why).",
            "The rationale is the audit record: it stays in this workbook and is never loaded into the warehouse. Keep the workbook with the audit's records under the partnership's arrangements.",
            data.Blind
                ? "This is a blind audit: the workbook shows neither the front door's outcome nor any recorded or derived level, so that your judgement rests on the case alone."
                : "For reference the Audit sheet shows the front door's outcome, the recommended level it recorded, the indicated level (what the recorded indicators suggest under the framework's rules: a prompt for reflection, never a verdict) and the actual level of support provided, with where it came from.",
            "Pathway to Change scores: likelihood ('How likely is this?') and seriousness ('How serious is this?'), 0 to 10, the practitioner's view of the main worry.",
            "The child key is the warehouse's keyed pseudonym, not the child's identifier; the consultation id finds the case in the source system.",
            "Do not change the locked columns: the audit id and auditor reference link each judgement to its case. A case without an auditor's level counts as not yet audited.",
            "When you have finished, return the workbook to the quality-assurance lead, who loads it into the warehouse. Loading it again replaces your earlier judgements for this audit, and no one else's.",
            string.Create(CultureInfo.InvariantCulture, $"Cases in this workbook: {cases}."),
        };
        return lines.Select(SheetCell.Text).ToList();
    }
}
