using Warehouse.Reports.Excel;
using Warehouse.Reports.Packs.Figures;
using Warehouse.Reports.Packs.Rendering;

namespace Warehouse.Reports.Packs.Monthly;

/// <summary>
/// The executive workbook laid out as the Analysis Function asks: cover, contents, notes, the
/// analyst's commentary when there is one, then one table per sheet and the chart-data sheets.
/// </summary>
internal static class PackSheets
{
    public const string Classification = "OFFICIAL";

    public static WorkbookModel Build(PackPlan plan, PublishedFigures figures, PackOptions options, DateTimeOffset now, IReadOnlyList<string>? commentary)
    {
        var data = plan.Data;
        var run = data.Run;
        var title = $"{data.PartnershipName}: threshold-consistency pack, {Labels.Month(run.Period)}";
        var tables = plan.Tables.Select(t => (SheetModel)SheetRenderer.Render(t, figures)).ToList();
        var charts = plan.ChartTables.Select(t => (SheetModel)SheetRenderer.Render(t, figures)).ToList();
        var notes = PackNotes.Build(plan, figures, options);
        var notesSheet = new TableSheet("Notes", "Notes", "Notes_table",
            [SheetColumn.Text("Note number") with { Width = 14 }, SheetColumn.Text("Note text") with { Width = 150 }],
            notes.Select((n, i) => (IReadOnlyList<SheetCell>)[SheetCell.Text($"Note {i + 1}"), SheetCell.Text(n)]).ToList())
        {
            Description = ["This worksheet contains one table of notes that apply to the whole workbook."],
            AutoFilter = false,
        };

        var body = new List<SheetModel> { notesSheet };
        if (commentary is { Count: > 0 })
        {
            body.Add(new TextSheet("Commentary", $"Commentary, {Labels.Month(run.Period)}", commentary.Select(SheetCell.Text).ToList())
            {
                Description = ["The analyst's commentary on this month's figures, as written beside the data (commentary.txt). It is the analyst's own text, not a table of the pack."],
            });
        }

        body.AddRange(tables);
        body.AddRange(charts);
        var cover = Cover(plan, options, now, title);
        var contents = WorkbookContents.Build(body);
        return new WorkbookModel(title, [cover, contents, .. body])
        {
            Subject = $"Threshold consistency, {data.PartnershipName}, {Labels.Month(run.Period)}",
            Keywords = "safeguarding; thresholds; levels of need; official statistics",
            Created = now,
            InlineStrings = options.InlineStrings,
        };
    }

    private static TextSheet Cover(PackPlan plan, PackOptions options, DateTimeOffset now, string title)
    {
        var data = plan.Data;
        var run = data.Run;
        var c = run.ConsistencyPeriod;
        var consultations = data.Files.Where(f => f.Kind == "consultations" && f.Outcome == "loaded").Select(f => f.LatestLoadedAt).Max();
        var lines = new List<string>
        {
            $"Classification: {Classification}. Figures are after statistical disclosure control (Notes sheet); case-level detail is never in this workbook.",
            $"Partnership: {data.PartnershipName} ({run.Partnership}).",
            $"Period: consultations in {Labels.Month(run.Period)}; consistency measures for {(c is DateOnly cp ? Labels.Month(cp) : "no complete month")}; conversion for {Labels.Month(run.WindowPeriod)}; trends from {Labels.Month(run.TrendStart)} to {Labels.Month(run.Period)}.",
            $"Data cut-off: {Labels.Date(run.DataCutOff)} ({(run.CutOffGiven ? "set for this run" : "the latest date the loaded sources cover")}).",
            $"Data sources: front-door consultation records{(consultations is { } at ? $" (latest file received {Labels.Date(DateOnly.FromDateTime(at.UtcDateTime))})" : string.Empty)}; Annex A returns{(data.Coverage.Start is { } s && data.Coverage.End is { } e ? $" covering {Labels.Date(s)} to {Labels.Date(e)}" : " (none loaded)")}; the partnership's reference data (localities, agencies, populations aged 0 to 17) and threshold framework; England comparators from the Department for Education's children-in-need statistics.",
            $"Publisher: {options.Publisher}.",
            $"Contact: {options.Contact}.",
            $"Produced by Warehouse version {options.SoftwareVersion} on {Labels.Date(DateOnly.FromDateTime(now.UtcDateTime))} from check run {run.RunId}.",
            "This workbook follows the Analysis Function guidance on releasing statistics in spreadsheets: one table per sheet, each with its title in cell A1; the Contents sheet links to every sheet.",
        };
        return new TextSheet("Cover_sheet", title, lines.Select(SheetCell.Text).ToList());
    }
}
