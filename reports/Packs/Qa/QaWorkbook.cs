using System.Globalization;
using Warehouse.Reports.Excel;
using Warehouse.Reports.Packs.Data;
using Warehouse.Store.DuckDb;

namespace Warehouse.Reports.Packs.Qa;

/// <summary>
/// The quality-assurance workbook: the run's case-level exceptions (analytics.exceptions) for QA
/// staff, one sheet per rule, streamed from the warehouse. OFFICIAL-SENSITIVE on every sheet (header,
/// footer and a line on the sheet), written owner-only (0600) into the restricted folder (0700),
/// never beside the executive pack. Rows carry the consultation id and the keyed pseudonym of the
/// child, never a raw identifier (the warehouse has none).
/// </summary>
internal static class QaWorkbook
{
    public const string Marking = "OFFICIAL-SENSITIVE";

    private const string MarkingLine = "OFFICIAL-SENSITIVE: case-level information for quality-assurance staff only. Do not publish, forward or attach to the executive pack.";

    private const string CountsSql = """
        SELECT rule, min(period), count(*)::BIGINT FROM analytics.exceptions WHERE run_id = $run_id GROUP BY rule ORDER BY rule
        """;

    private const string RowsSql = """
        SELECT consultation_id, child_key, consultation_date, locality, caller_agency, fields
        FROM analytics.exceptions
        WHERE run_id = $run_id AND rule = $rule
        ORDER BY consultation_date, consultation_id
        """;

    public static void Write(DuckDbConnection connection, PackData data, string path, PackOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var run = data.Run;
        var counts = PackDataReader.Query(connection, CountsSql, r => (Rule: r.GetString(0), Period: r.GetFieldValue<DateOnly>(1), Rows: r.GetInt64(2)), ("run_id", run.RunId))
            .ToDictionary(c => c.Rule, StringComparer.Ordinal);
        var rules = QaRule.Known.Concat(counts.Keys.Except(QaRule.Known.Select(k => k.Rule)).Order(StringComparer.Ordinal)
            .Select((rule, i) => new QaRule(rule, string.Create(CultureInfo.InvariantCulture, $"Rule_{i + 1}"), rule.Replace('_', ' '), "A rule this version of the pack does not describe.")))
            .ToList();

        var summary = new TableSheet("Summary", $"Exceptions by rule, {Labels.Month(run.Period)}", "Exceptions_by_rule",
            [SheetColumn.Text("Rule"), SheetColumn.Text("Sheet"), SheetColumn.Text("Month looked at"), SheetColumn.Integer("Consultations"), SheetColumn.Text("What it means") with { Width = 90 }],
            rules.Select(r => (IReadOnlyList<SheetCell>)
            [
                SheetCell.Text(r.Title), SheetCell.Link(r.SheetName, r.SheetName),
                SheetCell.Text(counts.TryGetValue(r.Rule, out var c) ? Labels.MonthCode(c.Period) : "none"),
                SheetCell.Number(counts.TryGetValue(r.Rule, out var n) ? n.Rows : 0), SheetCell.Text(r.Meaning),
            ]).ToList())
        {
            Description = [MarkingLine, "This worksheet contains one table. Counts are not suppressed: this workbook is restricted and holds the cases themselves."],
        };

        var sheets = rules.Select(r => RuleSheet(connection, run.RunId, r, counts.TryGetValue(r.Rule, out var c) ? c.Rows : 0, options.QaSheetRowLimit, cancellationToken)).ToList();

        var cover = new TextSheet("Cover_sheet", $"{data.PartnershipName}: quality-assurance exceptions, {Labels.Month(run.Period)} ({Marking})",
        [
            SheetCell.Text(MarkingLine),
            SheetCell.Text($"Partnership: {data.PartnershipName} ({run.Partnership}). Pack month: {Labels.Month(run.Period)}; consistency month: {(run.ConsistencyPeriod is DateOnly cp ? Labels.Month(cp) : "none")}. Data cut-off: {Labels.Date(run.DataCutOff)}."),
            SheetCell.Text("Each row is a consultation a rule picked out for review. Rows are leads for quality assurance, not findings: the indicated level in particular is a prompt for reflection, never a verdict."),
            SheetCell.Text($"Produced by Warehouse version {options.SoftwareVersion} on {Labels.Date(DateOnly.FromDateTime(now.UtcDateTime))} from check run {run.RunId}. Contact: {options.Contact}."),
        ]);

        var body = new List<SheetModel> { summary };
        body.AddRange(sheets);
        var contents = WorkbookContents.Build(body) with { Description = [MarkingLine, "This worksheet contains one table. Select a sheet name to go to that sheet."] };
        var workbook = new WorkbookModel($"{data.PartnershipName}: quality-assurance exceptions, {Labels.Month(run.Period)}", [cover, contents, .. body])
        {
            Marking = Marking,
            Subject = "Case-level exceptions for quality assurance (restricted)",
            Keywords = Marking,
            Created = now,
            // Inline: its strings are nearly all unique (ids, pseudonyms, triggers), so a shared-string
            // table would save nothing and hold every one of them in memory until the file is closed.
            InlineStrings = true,
        };
        XlsxWriter.WriteFile(workbook, path, new OutputFileOptions { OwnerOnly = true }, cancellationToken);
    }

    /// <summary>
    /// One rule's sheet. A rule with more cases than a sheet holds (Excel's 1,048,576 rows, less the
    /// title, notes and header) shows the earliest that fit and says how many are left out and where
    /// the full list is, rather than failing the whole pack.
    /// </summary>
    private static TableSheet RuleSheet(DuckDbConnection connection, string runId, QaRule rule, long cases, int rowLimit, CancellationToken cancellationToken)
    {
        List<string> description =
        [
            MarkingLine, rule.Meaning,
            "The child key is the warehouse's keyed pseudonym; the data team can resolve it with the key held under the partnership's information-governance arrangements.",
        ];
        long shown = Math.Min(cases, rowLimit - (2L + description.Count + 1));
        if (shown < cases)
        {
            description.Add(string.Create(CultureInfo.InvariantCulture,
                $"This sheet shows the earliest {shown:N0} of the rule's {cases:N0} cases, as many as a sheet holds. The full list: warehouse export --table analytics.exceptions (restricted folder), rule '{rule.Rule}', run {runId}."));
        }

        return new TableSheet(rule.SheetName, rule.Title, rule.SheetName + "_cases",
            [
                SheetColumn.Text("Consultation id"), SheetColumn.Text("Child key (pseudonymised)") with { Width = 30 }, SheetColumn.Date("Consultation date"),
                SheetColumn.Text("Locality"), SheetColumn.Text("Caller's agency"), SheetColumn.Text("What triggered the rule") with { Width = 80 },
            ],
            Rows(connection, runId, rule.Rule, shown, cancellationToken))
        {
            Description = description,
        };
    }

    /// <summary>One rule's rows, read while the sheet is written: memory stays flat however many there are.</summary>
    private static IEnumerable<IReadOnlyList<SheetCell>> Rows(DuckDbConnection connection, string runId, string rule, long limit, CancellationToken cancellationToken)
    {
        using var command = new DuckDbCommand(RowsSql + " LIMIT $limit", connection);
        command.Parameters.Add("run_id", runId);
        command.Parameters.Add("rule", rule);
        command.Parameters.Add("limit", limit);
        using var reader = command.ExecuteReader();
        long count = 0;
        while (reader.Read())
        {
            if (++count % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            yield return
            [
                SheetCell.Text(reader.GetString(0)),
                SheetCell.Text(reader.GetString(1)),
                SheetCell.Date(reader.GetFieldValue<DateOnly>(2)),
                SheetCell.Text(reader.GetString(3)),
                SheetCell.Text(reader.GetString(4)),
                SheetCell.Text(Truncate(reader.GetString(5))),
            ];
        }
    }

    private static string Truncate(string text) => text.Length <= SheetCell.MaxTextLength ? text : text[..(SheetCell.MaxTextLength - 1)] + "…";
}
