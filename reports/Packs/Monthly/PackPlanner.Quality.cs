using Warehouse.Analytics.Disclosure;
using Warehouse.Reports.Packs.Figures;

namespace Warehouse.Reports.Packs.Monthly;

internal sealed partial class PackPlanner
{
    private static readonly string[] Sources = ["recorded", "annex_a", "implied", "pending", "not derived"];

    /// <summary>The consultations each comparison could not use, by month and reason.</summary>
    private void NotAssessable()
    {
        const string id = "19-not-assessable";
        var t = _book.Table(id);
        var rows = new List<IReadOnlyList<PackValue>>();
        foreach (var group in _data.NotAssessable.GroupBy(n => (n.Comparison, n.Period)).OrderBy(g => ComparisonOrder(g.Key.Comparison)).ThenByDescending(g => g.Key.Period))
        {
            var (comparison, period) = group.Key;
            foreach (var n in group)
            {
                rows.Add(
                [
                    Text(Labels.Capitalise(Labels.Comparison(comparison))), Text(MonthCode(period)), Text(Labels.Reason(n.Reason)),
                    t.Count(Fig(period, "not_assessable", n.Reason, comparison, "consultations"), n.Consultations),
                ]);
            }

            // Every consultation of the month is either assessable for the comparison or has one reason here.
            var cases = MonthFigure(period, comparison, "cases");
            _book.Sum(MonthFigure(period, null, "consultations").Key,
                group.Select(n => Fig(period, "not_assessable", n.Reason, comparison, "consultations").Key).Append(cases.Key),
                "the month's consultations = assessable + not assessable");
        }

        AddTable(t, new PackTable(id, "Not_assessable", "Not_assessable_by_reason", $"Consultations that could not be compared, by comparison, month and reason, {Labels.Month(TrendMonths[0])} to {Labels.Month(Month)}",
            [PackColumn.Text("Comparison"), PackColumn.Text("Month"), PackColumn.Text("Reason"), PackColumn.Count("Consultations")], rows)
        {
            Description =
            [
                $"Period: each month from {Labels.Month(TrendMonths[0])} to {Labels.Month(Month)}, and the consistency month; the month is in each row.",
                "A comparison counts a consultation only when both levels exist; recommended against actual needs the recommended level recorded and the actual level recorded, or confirmed from Annex A once its window has closed. Each consultation left out has one reason.",
                "'Actual implied only': the actual level is the outcome's own level, not evidence of the support provided. 'Actual pending': the Annex A window was still open at the data cut-off.",
            ],
        });
    }

    private FigureId ProblemId(Data.ProblemSummary p) => Fig(Month, "problem", string.Join(" / ", p.Source, p.Kind, p.Column, p.Reason), null, "rows");

    private CellKey ProblemKey(Data.ProblemSummary p) => ProblemId(p).Key;

    private static int ComparisonOrder(string comparison) => comparison switch
    {
        "recommended_to_actual" => 0,
        "caller_to_recommended" => 1,
        "indicated_to_recommended" => 2,
        "audited_to_recommended" => 3,
        _ => 4,
    };

    /// <summary>Where each month's actual levels came from (CONTRACT.md section 3), and the share inferred rather than recorded.</summary>
    private void ActualSources()
    {
        const string id = "20-actual-sources";
        var t = _book.Table(id);
        var rows = new List<IReadOnlyList<PackValue>>();
        var months = _data.Measures.Where(m => m.Grouping == "actual_source").Select(m => m.Period).Distinct().OrderDescending().ToList();
        foreach (var month in months)
        {
            var counts = Sources.Select(s => MeasureOf("consultations", "actual_source", s, month)).ToList();
            if (counts.Any(c => c?.Numerator is null))
            {
                continue;
            }

            long total = counts.Sum(c => c!.Numerator!.Value);
            var totalId = MonthFigure(month, null, "consultations");
            var row = new List<PackValue> { Text(MonthCode(month)), t.Count(totalId, total) };
            row.AddRange(counts.Select(c => MeasureCount(t, c!)));
            long inferred = counts[1]!.Numerator!.Value + counts[2]!.Numerator!.Value;
            var inferredId = Fig(month, "actual_source", "inferred", null, "consultations");
            row.Add(t.Count(inferredId, inferred));
            var share = t.Percent(Fig(month, "actual_source", "inferred", null, "share_of_consultations"), inferredId, inferred, totalId, total, null, null, minimumCases: false);
            row.Add(share);
            rows.Add(row);
            _book.Sum(totalId.Key, Sources.Select(s => Fig(month, "actual_source", s, null, "consultations").Key), "the month's consultations by source of the actual level");
            _book.Sum(inferredId.Key, [Fig(month, "actual_source", "annex_a", null, "consultations").Key, Fig(month, "actual_source", "implied", null, "consultations").Key], "inferred = Annex A + implied");
        }

        AddTable(t, new PackTable(id, "Actual_sources", "Actual_level_sources", $"Where the actual levels came from, by month, at the data cut-off {Labels.Date(_run.DataCutOff)}",
            [PackColumn.Text("Month"), PackColumn.Count("Consultations"), PackColumn.Count("Recorded in the source"), PackColumn.Count("Derived from Annex A"),
             PackColumn.Count("Implied by the outcome"), PackColumn.Count("Pending (window open)"), PackColumn.Count("Not derived"),
             PackColumn.Count("Inferred (Annex A or implied)"), PackColumn.Percent("Inferred (%)")],
            rows)
        {
            Description =
            [
                $"Period: the months whose consistency measures this pack reports, {Labels.Month(TrendMonths[0])} to {Labels.Month(Month)}; the month is in each row.",
                $"Recorded: the source system recorded the support provided. Annex A: derived from the events in the loaded Annex A returns within {_run.WindowDays} days of the consultation. Implied: the outcome's own level (no recorded level, and no Annex A return covering the window). Pending: the window was still open at the data cut-off.",
                "Only recorded and Annex A-derived levels are assessable for the consistency measures.",
            ],
        });
    }

    /// <summary>The files the loader saw for the partnership, by kind and outcome.</summary>
    private void Loads()
    {
        const string id = "21-loads";
        var t = _book.Table(id);
        var rows = new List<IReadOnlyList<PackValue>>();
        foreach (var f in _data.Files)
        {
            FigureValue Count(string measure, long value) => t.Count(Fig(Month, "file_kind", f.Kind, null, $"{f.Outcome}_{measure}"), value);
            rows.Add(
            [
                Text(Labels.FileKind(f.Kind)), Text(Labels.Capitalise(f.Outcome)),
                Count("files", f.Files), Count("rows_read", f.RowsRead), Count("rows_loaded", f.RowsLoaded), Count("rows_rejected", f.RowsRejected), Count("warnings", f.Warnings),
                Text(f.LatestLoadedAt is { } at ? Labels.Date(DateOnly.FromDateTime(at.UtcDateTime)) : "not known"),
            ]);

            // Usually every row read is either loaded or rejected; where the data say so, a reader can subtract.
            CellKey Key(string measure) => Fig(Month, "file_kind", f.Kind, null, $"{f.Outcome}_{measure}").Key;
            _book.SumIfItHolds(Key("rows_read"), [Key("rows_loaded"), Key("rows_rejected")], "rows read = loaded + rejected");
            var problems = _data.Problems.Where(p => p.Kind == f.Kind).ToList();
            if (f.Outcome == "loaded" && _data.Files.Count(x => x.Kind == f.Kind && x.Outcome == "loaded") == 1)
            {
                _book.SumIfItHolds(Key("rows_rejected"), problems.Where(p => p.Source == "rejected row").Select(ProblemKey), "rejected rows by reason");
                _book.SumIfItHolds(Key("warnings"), problems.Where(p => p.Source == "data-quality warning").Select(ProblemKey), "warnings by reason");
            }
        }

        AddTable(t, new PackTable(id, "Loads", "Files_loaded", $"Files received for {_data.PartnershipName}, by kind and outcome, up to the check run",
            [PackColumn.Text("File kind"), PackColumn.Text("Outcome"), PackColumn.Count("Files"), PackColumn.Count("Rows read"), PackColumn.Count("Rows loaded"),
             PackColumn.Count("Rows rejected"), PackColumn.Count("Data-quality warnings"), PackColumn.Text("Latest received")],
            rows)
        {
            Description =
            [
                $"Every file the warehouse received for the partnership up to the check run of {Labels.Date(DateOnly.FromDateTime(_run.FinishedAt.UtcDateTime))}. Duplicate files (the same bytes again) change nothing.",
                rows.Count == 0 ? "No files are recorded: the data were loaded another way." : "Counts are subject to the same disclosure control as every other count.",
            ],
        });
    }

    /// <summary>Rejected rows and data-quality warnings by column and reason, with the source values taken out.</summary>
    private void Problems()
    {
        const string id = "22-problems";
        var t = _book.Table(id);
        var rows = _data.Problems.Select(p => (IReadOnlyList<PackValue>)
        [
            Text(Labels.Capitalise(p.Source)), Text(Labels.FileKind(p.Kind)), Text(p.Column), Text(p.Reason),
            t.Count(ProblemId(p), p.Rows),
        ]).ToList();
        AddTable(t, new PackTable(id, "Problems", "Rejects_and_warnings", $"Rows rejected and values not read, by column and reason, for {_data.PartnershipName}",
            [PackColumn.Text("Problem"), PackColumn.Text("File kind"), PackColumn.Text("Column"), PackColumn.Text("Reason"), PackColumn.Count("Rows")],
            rows)
        {
            Description =
            [
                "A rejected row was not loaded; a data-quality warning is a value stored as unknown while the rest of its row loaded. Source values are shown as '…': the load history in the warehouse has them for the data team.",
                rows.Count == 0 ? "No rows were rejected and no values were left unread." : "Counts are subject to the same disclosure control as every other count.",
            ],
        });
    }
}
