using Warehouse.Analytics.Disclosure;
using Warehouse.Reports.Packs.Data;
using Warehouse.Reports.Packs.Figures;

namespace Warehouse.Reports.Packs.Monthly;

internal sealed partial class PackPlanner
{
    private const string HeadlineComparison = "recommended_to_actual";

    /// <summary>The counts behind every agreement row: cases = agreements + over + under; serious under ⊂ under.</summary>
    private static readonly string[] AgreementCounts = ["cases", "agreements", "over_count", "under_count", "serious_under_count"];

    private AgreementRow? AgreementOf(string comparison, DateOnly? period, string grouping, string group) =>
        period is null ? null : _data.Agreement.FirstOrDefault(r => r.Comparison == comparison && r.Period == period && r.Grouping == grouping && r.Group == group);

    private AgreementRow? PartnershipAgreement(string comparison, DateOnly? period) => AgreementOf(comparison, period, "partnership", Partnership);

    private List<AgreementRow> AgreementGroups(string comparison, DateOnly? period, string grouping) =>
        _data.Agreement.Where(r => r.Comparison == comparison && r.Period == period && r.Grouping == grouping).ToList();

    /// <summary>
    /// One number, one identity: a trend month's row for a month the partnership rows also cover (the
    /// consistency month) is the partnership row, so both tables show the same figure, hidden alike –
    /// a kappa hidden in one place and shown in another would give it away.
    /// </summary>
    private AgreementRow Canonical(AgreementRow r) =>
        r.Grouping == "month" && PartnershipAgreement(r.Comparison, r.Period) is { } partnership ? partnership : r;

    /// <summary>
    /// A figure's identity. The whole partnership in a month has one identity whether it appears as a
    /// trend point or as the month's partnership row, in this pack and in the next, so the next month's
    /// pack can mark it revised [r].
    /// </summary>
    private FigureId Agr(AgreementRow r, string measure) => r.Grouping == "month"
        ? new(r.Period, "partnership", Partnership, r.Comparison, measure)
        : new(r.Period, r.Grouping, r.Group, r.Comparison, measure);

    private FigureValue Cases(TableBuilder t, AgreementRow r) => t.Count(Agr(r, "cases"), r.Cases, r.Provisional);

    /// <summary>agreement, over, under or serious_under as a percentage of the assessable cases, with its Wilson interval.</summary>
    private FigureValue AgreementRate(TableBuilder t, AgreementRow r, string measure)
    {
        var (count, lower, upper) = measure switch
        {
            "agreement" => (r.Agreements, r.AgreementLower, r.AgreementUpper),
            "over" => (r.Over, r.OverLower, r.OverUpper),
            "under" => (r.Under, r.UnderLower, r.UnderUpper),
            "serious_under" => (r.SeriousUnder, r.SeriousUnderLower, r.SeriousUnderUpper),
            _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, "Not an agreement rate."),
        };
        return t.Percent(Agr(r, measure), Agr(r, CountMeasure(measure)), count, Agr(r, "cases"), r.Cases, lower, upper, r.Provisional, FunnelFlag(r, measure));
    }

    private static string CountMeasure(string measure) => measure == "agreement" ? "agreements" : measure + "_count";

    /// <summary>
    /// Beyond this expected weighted disagreement, one case moves a two-decimal kappa by less than half
    /// its rounding step, so kappa cannot pin a hidden matrix cell (see <see cref="Kappa"/>).
    /// </summary>
    private const double KappaResolutionLimit = 4_800;

    /// <summary>
    /// Linear-weighted kappa with its interval. Kappa gives away the disagreements behind the agreement
    /// rate, so it is hidden whenever they or the agreements are. With the margins of a published matrix
    /// it also gives away D = Σ|i − j|·n_ij, a weighted sum of the off-diagonal cells: κ = 1 − D/E, E the
    /// expected weighted disagreement from the margins. Moving hidden cells while keeping every published
    /// total changes D by at most 24 per case, so kappa, to two decimals, can pin a hidden cell only while
    /// 24/E is at least half its rounding step (E ≤ 4,800); then it is hidden whenever an off-diagonal cell is.
    /// </summary>
    private FigureValue Kappa(TableBuilder t, AgreementRow r)
    {
        var reveals = new List<CellKey> { Agr(r, "agreements").Key, CellKey.Difference(Agr(r, "cases").Key, Agr(r, "agreements").Key) };
        if (ExpectedWeightedDisagreement(r) is double expected && expected <= KappaResolutionLimit)
        {
            for (int reference = 1; reference <= 4; reference++)
            {
                for (int compared = 1; compared <= 4; compared++)
                {
                    if (reference != compared)
                    {
                        reveals.Add(Agr(r, MatrixMeasure(reference, compared)).Key);
                    }
                }
            }
        }

        return t.Statistic(
            Agr(r, "kappa_linear"), FigureUnit.Kappa, r.LinearKappa, r.Cases, decimals: 2,
            notApplicable: r.LinearKappaStatus == "not_applicable", lower: r.LinearKappaLower, upper: r.LinearKappaUpper,
            provisional: r.Provisional, reveals: reveals);
    }

    /// <summary>E = Σ|i − j|·r_i·c_j / N from the margins of the group's published matrix; null when it has none.</summary>
    private double? ExpectedWeightedDisagreement(AgreementRow r)
    {
        var cells = _data.Matrices.Where(m => m.Comparison == r.Comparison && m.Period == r.Period && m.Grouping == r.Grouping && m.Group == r.Group).ToList();
        long total = cells.Sum(m => m.Count);
        if (cells.Count == 0 || total == 0)
        {
            return cells.Count == 0 ? null : 0;
        }

        var rows = Enumerable.Range(1, 4).Select(i => (double)cells.Where(m => m.Reference == i).Sum(m => m.Count)).ToArray();
        var columns = Enumerable.Range(1, 4).Select(j => (double)cells.Where(m => m.Compared == j).Sum(m => m.Count)).ToArray();
        double expected = 0;
        for (int i = 0; i < 4; i++)
        {
            for (int j = 0; j < 4; j++)
            {
                expected += Math.Abs(i - j) * rows[i] * columns[j];
            }
        }

        return expected / total;
    }

    private string? FunnelFlag(AgreementRow r, string measure) =>
        r.Period != _run.ConsistencyPeriod ? null
            : _data.FunnelFlags.FirstOrDefault(f => f.Comparison == r.Comparison && f.Measure == measure && f.Grouping == r.Grouping && f.Unit == r.Group)?.Flag;

    private string GroupLabel(string grouping, string group) => grouping switch
    {
        "partnership" => $"{_data.PartnershipName} (all)",
        "locality" => _data.LocalityName(group),
        "caller_agency" => _data.AgencyName(group),
        "agency_sector" => Labels.Sector(group),
        "area" => group == "unknown" ? "Not in the reference data" : group,
        "month" => group,
        "team" => group,
        _ => Labels.EqualityGroup(grouping, group),
    };

    private IEnumerable<string> ReferenceOrder(string grouping) => grouping switch
    {
        "locality" => _data.Localities.Select(l => l.Code),
        "area" => _data.Localities.Select(l => l.Area).Distinct(),
        "caller_agency" => _data.Agencies.Select(a => a.Code),
        "agency_sector" => _data.Agencies.Select(a => a.Sector).Distinct().Order(StringComparer.Ordinal),
        "age_band" => ["unborn", "under 1", "1-4", "5-9", "10-15", "16 and over", "not known"],
        "sex" => ["F", "M", "U", "not known"],
        "ethnicity_group" => ["White", "Mixed", "Asian", "Black", "Other", "Not known"],
        "disability" => ["yes", "no", "not known"],
        _ => [],
    };

    private List<AgreementRow> OrderedGroups(string comparison, DateOnly? period, string grouping)
    {
        var rows = AgreementGroups(comparison, period, grouping);
        return Ordered(rows.Select(r => r.Group), ReferenceOrder(grouping)).Select(g => rows.First(r => r.Group == g)).ToList();
    }

    private static List<PackColumn> AgreementColumns(string groupHeader, bool funnel, string? firstHeader = null)
    {
        var columns = new List<PackColumn> { PackColumn.Text("Month") };
        if (firstHeader is not null)
        {
            columns.Add(PackColumn.Text(firstHeader));
        }

        columns.AddRange(
        [
            PackColumn.Text(groupHeader),
            PackColumn.Count("Assessable consultations"),
            PackColumn.Percent("Agreement (%)"),
            PackColumn.Percent("Agreement lower 95% limit (%)"),
            PackColumn.Percent("Agreement upper 95% limit (%)"),
        ]);
        if (funnel)
        {
            columns.Add(PackColumn.Text("Agreement against the partnership (funnel)"));
        }

        columns.AddRange(
        [
            new PackColumn("Linear-weighted kappa", ColumnKind.Kappa),
            new PackColumn("Kappa lower 95% limit", ColumnKind.Kappa),
            new PackColumn("Kappa upper 95% limit", ColumnKind.Kappa),
            PackColumn.Percent("Under-response (%)"),
            PackColumn.Percent("Under-response lower 95% limit (%)"),
            PackColumn.Percent("Under-response upper 95% limit (%)"),
        ]);
        if (funnel)
        {
            columns.Add(PackColumn.Text("Under-response against the partnership (funnel)"));
        }

        columns.AddRange(
        [
            PackColumn.Percent("Over-response (%)"),
            PackColumn.Percent("Over-response lower 95% limit (%)"),
            PackColumn.Percent("Over-response upper 95% limit (%)"),
        ]);
        return columns;
    }

    private List<PackValue> AgreementCells(TableBuilder t, AgreementRow row, bool funnel, params string[] labels)
    {
        var r = Canonical(row);
        var cases = Cases(t, r);
        var agreement = AgreementRate(t, r, "agreement");
        var kappa = Kappa(t, r);
        var under = AgreementRate(t, r, "under");
        var over = AgreementRate(t, r, "over");
        var cells = new List<PackValue> { Text(MonthCode(r.Period)) };
        cells.AddRange(labels.Select(Text));
        cells.AddRange([cases, agreement, TableBuilder.Lower(agreement), TableBuilder.Upper(agreement)]);
        if (funnel)
        {
            cells.Add(new FlagValue(agreement.Key));
        }

        cells.AddRange([kappa, TableBuilder.Lower(kappa), TableBuilder.Upper(kappa), under, TableBuilder.Lower(under), TableBuilder.Upper(under)]);
        if (funnel)
        {
            cells.Add(new FlagValue(under.Key));
        }

        cells.AddRange([over, TableBuilder.Lower(over), TableBuilder.Upper(over)]);
        return cells;
    }

    private string ConsistencyLine(string what) => _run.ConsistencyPeriod is DateOnly c
        ? $"Period: {Labels.Month(c)}, the latest month up to {Labels.Month(Month)} in which every actual level was known at the data cut-off ({Labels.Date(_run.DataCutOff)}). {what}"
        : $"No month up to {Labels.Month(Month)} had every actual level known at the data cut-off ({Labels.Date(_run.DataCutOff)}), so this table has no rows; see the Trend sheet for provisional figures.";

    private const string AgreementHelp =
        "Agreement: the share of assessable consultations whose actual level equalled the recommended level. Under-response: actual below recommended; over-response: actual above. 95% limits are Wilson score intervals; kappa limits are asymptotic (Fleiss, Cohen and Everitt). Funnel positions compare each unit with the partnership (see Notes).";

    /// <summary>Agreement by locality, area, agency sector, agency, team; equality; caller to recommended.</summary>
    private void AgreementTables()
    {
        var c = _run.ConsistencyPeriod;
        GroupTable("Locality", "Agreement_by_locality", "04-agreement-locality", "Locality", "locality", funnel: true,
            $"Agreement between recommended and actual level by locality, {PeriodWords(c)}", HeadlineComparison);
        GroupTable("Area", "Agreement_by_area", "05-agreement-area", "Area", "area", funnel: false,
            $"Agreement between recommended and actual level by area, {PeriodWords(c)}", HeadlineComparison);
        GroupTable("Sector", "Agreement_by_sector", "06-agreement-sector", "Caller's agency sector", "agency_sector", funnel: false,
            $"Agreement between recommended and actual level by the caller's agency sector, {PeriodWords(c)}", HeadlineComparison);
        GroupTable("Agency", "Agreement_by_agency", "07-agreement-agency", "Caller's agency", "caller_agency", funnel: true,
            $"Agreement between recommended and actual level by the caller's agency, {PeriodWords(c)}", HeadlineComparison);
        GroupTable("Team", "Agreement_by_team", "08-agreement-team", "Front-door team", "team", funnel: false,
            $"Agreement between recommended and actual level by front-door team, {PeriodWords(c)}", HeadlineComparison);
        EqualityTable();
        GroupTable("Caller", "Caller_to_recommended", "10-caller-recommended", "Caller's agency", "caller_agency", funnel: true,
            $"Caller's level against the front door's recommended level by the caller's agency, {PeriodWords(c)}", "caller_to_recommended",
            "Here agreement means the front door recommended the level the caller thought was needed; under-response: recommended below the caller's level; over-response: recommended above it. Only consultations with both levels recorded are counted.");
    }

    private static string PeriodWords(DateOnly? period) => period is DateOnly p ? Labels.Month(p) : "no complete month";

    private void GroupTable(string sheet, string tableName, string id, string groupHeader, string grouping, bool funnel, string title, string comparison, string? help = null)
    {
        var t = _book.Table(id);
        var c = _run.ConsistencyPeriod;
        var rows = new List<IReadOnlyList<PackValue>>();
        if (PartnershipAgreement(comparison, c) is { } total)
        {
            rows.Add(AgreementCells(t, total, funnel, GroupLabel("partnership", Partnership)));
        }

        foreach (var r in OrderedGroups(comparison, c, grouping))
        {
            rows.Add(AgreementCells(t, r, funnel, GroupLabel(grouping, r.Group)));
        }

        AddTable(t, new PackTable(id, sheet, tableName, title, AgreementColumns(groupHeader, funnel), rows)
        {
            Description = [ConsistencyLine("Consultations whose recommended level was recorded and whose actual level was recorded or confirmed from Annex A."), help ?? AgreementHelp],
        });
    }

    private void EqualityTable()
    {
        const string id = "09-agreement-equality";
        var t = _book.Table(id);
        var c = _run.ConsistencyPeriod;
        var rows = new List<IReadOnlyList<PackValue>>();
        if (PartnershipAgreement(HeadlineComparison, c) is { } total)
        {
            rows.Add(AgreementCells(t, total, false, "All", GroupLabel("partnership", Partnership)));
        }

        foreach (var grouping in new[] { "age_band", "sex", "ethnicity_group", "disability" })
        {
            foreach (var r in OrderedGroups(HeadlineComparison, c, grouping))
            {
                rows.Add(AgreementCells(t, r, false, Labels.EqualityCharacteristic(grouping), GroupLabel(grouping, r.Group)));
            }
        }

        AddTable(t, new PackTable(id, "Equality", "Agreement_by_characteristic", $"Agreement between recommended and actual level by the child's age, sex, ethnicity and disability, {PeriodWords(c)}",
            AgreementColumns("Group", funnel: false, firstHeader: "Characteristic"), rows)
        {
            Description = [ConsistencyLine("Age at consultation; ethnicity in the six major groups of the children-in-need census."), AgreementHelp],
        });
    }

    private void Audit()
    {
        var audited = new[] { "audited_to_recommended", "audited_to_actual" };
        if (!_data.Agreement.Any(r => audited.Contains(r.Comparison) && r.Cases > 0))
        {
            return;
        }

        const string id = "18-audit";
        var t = _book.Table(id);
        var rows = new List<IReadOnlyList<PackValue>>();
        foreach (var comparison in audited)
        {
            var label = Labels.Capitalise(Labels.Comparison(comparison));
            if (PartnershipAgreement(comparison, _run.ConsistencyPeriod) is { } total)
            {
                rows.Add(AgreementCells(t, total, false, label, GroupLabel("partnership", Partnership)));
            }

            foreach (var r in OrderedGroups(comparison, _run.ConsistencyPeriod, "locality"))
            {
                rows.Add(AgreementCells(t, r, false, label, GroupLabel("locality", r.Group)));
            }

            foreach (var r in _data.Agreement.Where(r => r.Comparison == comparison && r.Grouping == "month" && r.Cases > 0 && r.Period != _run.ConsistencyPeriod))
            {
                rows.Add(AgreementCells(t, r, false, label, $"{_data.PartnershipName} (all), {Labels.Month(r.Period)}"));
            }
        }

        AddTable(t, new PackTable(id, "Audit", "Audit_findings", $"Audit findings: the auditor's level against the recommended and the actual level, {PeriodWords(_run.ConsistencyPeriod)}",
            AgreementColumns("Group", funnel: false, firstHeader: "Comparison"), rows)
        {
            Description =
            [
                ConsistencyLine("Audited consultations only (the latest judgement of each); other months with audits follow the consistency month."),
                "Agreement: the level judged by the quality-assurance auditor equalled the front door's recommended level (or the actual level). Under-response: the compared level was below the auditor's; over-response: above.",
            ],
        });
    }

    /// <summary>The relations between agreement figures across groups and tables.</summary>
    private void AgreementRelations()
    {
        foreach (var r in _data.Agreement)
        {
            _book.Sum(Agr(r, "cases").Key, [Agr(r, "agreements").Key, Agr(r, "over_count").Key, Agr(r, "under_count").Key], "cases = agreements + over + under");
        }

        foreach (var group in _data.Agreement.GroupBy(r => (r.Comparison, r.Period)))
        {
            var rows = group.ToList();
            var total = rows.FirstOrDefault(r => r.Grouping == "partnership");
            foreach (var measure in AgreementCounts)
            {
                CellKey Key(AgreementRow r) => Agr(r, measure).Key;
                List<AgreementRow> Of(string grouping) => rows.Where(r => r.Grouping == grouping).ToList();
                if (total is not null)
                {
                    foreach (var grouping in new[] { "locality", "area", "caller_agency", "agency_sector", "team", "age_band", "sex", "ethnicity_group", "disability" })
                    {
                        _book.Sum(Key(total), Of(grouping).Select(Key), $"partnership = sum of {grouping}");
                    }
                }

                foreach (var area in Of("area"))
                {
                    _book.Sum(Key(area), Of("locality").Where(l => _data.AreaOf(l.Group) == area.Group).Select(Key), "area = sum of its localities");
                }

                foreach (var sector in Of("agency_sector"))
                {
                    _book.Sum(Key(sector), Of("caller_agency").Where(a => _data.SectorOf(a.Group) == sector.Group).Select(Key), "sector = sum of its agencies");
                }
            }
        }
    }
}
