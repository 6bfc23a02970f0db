using Warehouse.Reports.Excel;

namespace Warehouse.Reports.Tests.Excel;

/// <summary>A small workbook using every feature: cover, contents, notes, a table with every cell kind, a chart-data sheet with charts, an audit sheet.</summary>
internal static class SampleWorkbook
{
    public static readonly string[] Months =
        ["2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"];

    public static TableSheet Agreement() => new(
        "Table_1",
        "Table 1: Agreement between recommended and actual level, by locality, September 2026",
        "Agreement_by_locality",
        [
            SheetColumn.Text("Locality"),
            SheetColumn.Integer("Assessable consultations"),
            SheetColumn.Percent("Agreement rate"),
            SheetColumn.Percent("Lower 95% limit"),
            SheetColumn.Percent("Upper 95% limit"),
            SheetColumn.Decimal3("Linear weighted kappa"),
            SheetColumn.Decimal3("Kappa lower 95% limit"),
            SheetColumn.Date("Data cut-off"),
        ],
        [
            [SheetCell.Text("North"), SheetCell.Number(412), SheetCell.Number(0.7213), SheetCell.Number(0.6761), SheetCell.Number(0.7623), SheetCell.Number(0.612), SheetCell.Number(0.551), SheetCell.Date(new DateOnly(2026, 10, 31))],
            [SheetCell.Text("South & Rural"), SheetCell.Number(1_205), SheetCell.Number(0.684), SheetCell.Number(0.657), SheetCell.Number(0.71), SheetCell.Number(0.05), SheetCell.Number(-0.031), SheetCell.Date(new DateOnly(2026, 10, 31))],
            [SheetCell.Text("Ynys Môn – Caergybi"), SheetCell.Number(14), SheetCell.LowReliability, SheetCell.LowReliability, SheetCell.LowReliability, SheetCell.LowReliability, SheetCell.LowReliability, SheetCell.Date(new DateOnly(2026, 10, 31))],
            [SheetCell.Text("City"), SheetCell.Confidential, SheetCell.Confidential, SheetCell.Confidential, SheetCell.Confidential, SheetCell.NotApplicable, SheetCell.NotApplicable, SheetCell.Blank],
        ])
    {
        Description =
        [
            "This worksheet contains one table. Some cells refer to notes, which can be found on the Notes worksheet.",
            "Source: front door records and Annex A returns. Period: September 2026.",
        ],
    };

    public static TableSheet Trend() => new(
        "Chart_1",
        "Chart 1 data: Agreement rate and serious under-response by month, October 2025 to October 2026",
        "Agreement_trend",
        [SheetColumn.Text("Month"), SheetColumn.Percent("Agreement rate"), SheetColumn.Percent("Serious under-response rate")],
        Months.Select((month, i) => (IReadOnlyList<SheetCell>)
        [
            SheetCell.Text(month),
            // Month 5 is suppressed: a blank cell, drawn as a gap.
            i == 4 ? SheetCell.Blank : SheetCell.Number(0.65 + (i * 0.005)),
            i == 4 || i == 9 ? SheetCell.Blank : SheetCell.Number(0.02 + (i * 0.001)),
        ]).ToArray())
    {
        Description = ["Blank cells are suppressed or unavailable values and show as gaps in the charts."],
        Charts =
        [
            new ExcelChart(ExcelChartKind.Line, "Agreement rose steadily over the year", "Line chart of the monthly agreement rate and serious under-response rate; February 2026 is suppressed and shown as a gap.", 0, [1, 2])
            {
                ValueAxisTitle = "Rate",
                CategoryAxisTitle = "Month",
            },
            new ExcelChart(ExcelChartKind.Bar, "Agreement by month", "Bar chart of the monthly agreement rate.", 0, [1]),
            new ExcelChart(ExcelChartKind.Column, "Agreement by month (columns)", "Column chart of the monthly agreement rate.", 0, [1]),
        ],
    };

    public static TableSheet Audit() => new(
        "Audit",
        "Audit: consultations to review, September 2026",
        "Audit_cases",
        [
            SheetColumn.Text("Consultation id"),
            SheetColumn.Text("Recommended level"),
            SheetColumn.Text("Auditor's level") with { IsInput = true, DropDown = DropDownList.FromChoices("Universal", "Early help", "Section 17", "Section 47") with { Prompt = "Choose the level you judge was needed." } },
            SheetColumn.Text("Auditor's comment") with { IsInput = true, Width = 40 },
        ],
        [
            [SheetCell.Text("C-0001"), SheetCell.Text("Early help"), SheetCell.Blank, SheetCell.Blank],
            [SheetCell.Text("=HYPERLINK(\"http://evil\",\"x\")"), SheetCell.Text("Section 47"), SheetCell.Blank, SheetCell.Blank],
        ])
    {
        Description = ["Enter your judgement in the two unlocked columns; every other cell is protected."],
        Protect = true,
    };

    public static TableSheet Notes() => new(
        "Notes",
        "Notes",
        "Notes_table",
        [SheetColumn.Text("Note number"), SheetColumn.Text("Note text") with { Width = 90 }],
        [
            [SheetCell.Text("Note 1"), SheetCell.Text("Counts of 1 to 5 are shown as [c]; statistics on fewer than 20 cases as [u].")],
            [SheetCell.Text("Note 2"), SheetCell.Text("[z] not applicable; [x] not available.")],
        ]);

    public static WorkbookModel Build(string? marking = "OFFICIAL-SENSITIVE", bool inlineStrings = false)
    {
        var cover = new TextSheet("Cover", "Threshold consistency pack: Example partnership, September 2026",
        [
            SheetCell.Text("This workbook holds the threshold-consistency measures for the partnership."),
            SheetCell.Text("Contact: quality assurance team."),
            SheetCell.Link("Go to the contents", "Contents"),
        ]);
        var notes = Notes();
        var tables = new SheetModel[] { notes, Agreement(), Trend(), Audit() };
        var contents = WorkbookContents.Build(tables);
        return new WorkbookModel("Threshold consistency pack", [cover, contents, .. tables])
        {
            Marking = marking,
            Subject = "Threshold consistency",
            InlineStrings = inlineStrings,
            Created = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero),
        };
    }
}
