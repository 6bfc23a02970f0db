using Warehouse.Analytics.Disclosure;
using Warehouse.Reports.Packs.Data;
using Warehouse.Reports.Packs.Figures;

namespace Warehouse.Reports.Packs.Monthly;

internal sealed partial class PackPlanner
{
    private static readonly string[] DecisionParts = ["decisions_with_working_days", "decision_working_days_not_available", "decision_not_recorded"];

    private const string MonthVolumes = "Consultations made in the month, whatever their outcome; rates per 10,000 children aged 0 to 17 use the populations in the reference data (95% limits: exact Poisson).";

    /// <summary>Consultations in month M by partnership, area and locality, with rates per 10,000 children.</summary>
    private void Volumes()
    {
        const string id = "11-volumes";
        var t = _book.Table(id);
        var rows = new List<IReadOnlyList<PackValue>>();
        void Add(string groupingLabel, string grouping, string group)
        {
            var count = MeasureOf("consultations", grouping, group, Month);
            if (count is null)
            {
                return;
            }

            var rate = MeasureOf("consultations_per_10000_children", grouping, group, Month);
            var perTen = rate is null ? null : PerTenThousand(t, rate);
            rows.Add(
            [
                Text(MonthCode(Month)), Text(groupingLabel), Text(GroupLabel(grouping, group)), MeasureCount(t, count),
                (PackValue?)perTen ?? new SymbolValue("[x]"),
                perTen is null ? new SymbolValue("[x]") : TableBuilder.Lower(perTen),
                perTen is null ? new SymbolValue("[x]") : TableBuilder.Upper(perTen),
            ]);
        }

        Add("Partnership", "partnership", Partnership);
        foreach (var area in Ordered(MeasuresOf("consultations", "area").Select(m => m.Group), ReferenceOrder("area")))
        {
            Add("Area", "area", area);
        }

        foreach (var locality in Ordered(MeasuresOf("consultations", "locality").Select(m => m.Group), ReferenceOrder("locality")))
        {
            Add("Locality", "locality", locality);
        }

        VolumeRelations();
        AddTable(t, new PackTable(id, "Volumes", "Consultations_by_locality", $"Consultations by area and locality, {Labels.Month(Month)}",
            [PackColumn.Text("Month"), PackColumn.Text("Grouping"), PackColumn.Text("Group"), PackColumn.Count("Consultations"),
             new PackColumn("Per 10,000 children aged 0 to 17", ColumnKind.Per10000), new PackColumn("Rate lower 95% limit", ColumnKind.Per10000), new PackColumn("Rate upper 95% limit", ColumnKind.Per10000)],
            rows)
        {
            Description = [$"Period: {Labels.Month(Month)}. {MonthVolumes}"],
        });

        Mix();
    }

    private void VolumeRelations()
    {
        CellKey Key(string grouping, string group) => Fig(Month, grouping, group, null, "consultations").Key;
        var total = Key("partnership", Partnership);
        var groupings = new[] { "locality", "area", "agency_sector", "caller_agency", "recommended_level", "outcome" };
        var groups = groupings.ToDictionary(g => g, g => MeasuresOf("consultations", g).Where(m => m.Period == Month).Select(m => m.Group).ToList());
        foreach (var grouping in groupings)
        {
            _book.Sum(total, groups[grouping].Select(g => Key(grouping, g)), $"partnership = sum of {grouping}");
        }

        foreach (var area in groups["area"])
        {
            _book.Sum(Key("area", area), groups["locality"].Where(l => _data.AreaOf(l) == area).Select(l => Key("locality", l)), "area = sum of its localities");
        }

        foreach (var sector in groups["agency_sector"])
        {
            _book.Sum(Key("agency_sector", sector), groups["caller_agency"].Where(a => _data.SectorOf(a) == sector).Select(a => Key("caller_agency", a)), "sector = sum of its agencies");
        }
    }

    /// <summary>Consultations in month M by recommended level and outcome (with shares), agency sector and agency.</summary>
    private void Mix()
    {
        const string id = "12-mix";
        var t = _book.Table(id);
        var rows = new List<IReadOnlyList<PackValue>>();
        foreach (var (grouping, label) in new[] { ("recommended_level", "Recommended level"), ("outcome", "Outcome"), ("agency_sector", "Caller's agency sector"), ("caller_agency", "Caller's agency") })
        {
            var reference = grouping switch
            {
                "recommended_level" => ["1", "2", "3", "4", "not recorded"],
                "outcome" => [],
                _ => ReferenceOrder(grouping),
            };
            foreach (var group in Ordered(MeasuresOf("consultations", grouping).Where(m => m.Period == Month).Select(m => m.Group), reference))
            {
                var count = MeasureOf("consultations", grouping, group, Month)!;
                var share = MeasureOf("share_of_consultations", grouping, group, Month);
                var percent = share is null ? null : MeasurePercent(t, share);
                var name = grouping switch
                {
                    "recommended_level" when int.TryParse(group, out var level) => $"{level}: {_data.LevelName(level)}",
                    "recommended_level" => "Not recorded (the outcome's level is used)",
                    "outcome" => Labels.Capitalise(group.Replace('_', ' ')),
                    _ => GroupLabel(grouping, group),
                };
                rows.Add(
                [
                    Text(MonthCode(Month)), Text(label), Text(name), MeasureCount(t, count),
                    (PackValue?)percent ?? new SymbolValue("[z]"),
                    percent is null ? new SymbolValue("[z]") : TableBuilder.Lower(percent),
                    percent is null ? new SymbolValue("[z]") : TableBuilder.Upper(percent),
                ]);
            }
        }

        AddTable(t, new PackTable(id, "Mix", "Consultations_by_level_and_outcome", $"Consultations by recommended level, outcome and caller's agency, {Labels.Month(Month)}",
            [PackColumn.Text("Month"), PackColumn.Text("Grouping"), PackColumn.Text("Group"), PackColumn.Count("Consultations"),
             PackColumn.Percent("Share of consultations (%)"), PackColumn.Percent("Share lower 95% limit (%)"), PackColumn.Percent("Share upper 95% limit (%)")],
            rows)
        {
            Description = [$"Period: {Labels.Month(Month)}. Each grouping adds up to all consultations of the month. Shares are given for the recommended level and the outcome ([z] for the agency groupings)."],
        });
    }

    /// <summary>Conversion, referrals with no further action, re-referrals and repeat consultations, against England where it applies.</summary>
    private void Pathway()
    {
        const string id = "14-pathway";
        var t = _book.Table(id);
        var rows = new List<IReadOnlyList<PackValue>>();
        void Add(string words, MeasureValue m, string? english)
        {
            var percent = MeasurePercent(t, m);
            rows.Add(
            [
                Text(words), Text(GroupLabel(m.Grouping, m.Group)), Text(MonthCode(m.Period)),
                MeasureNumerator(t, m), MeasureDenominator(t, m),
                percent, TableBuilder.Lower(percent), TableBuilder.Upper(percent),
                english is null ? new SymbolValue("[z]") : England(english),
                english is null ? new SymbolValue("[z]") : new FlagValue(percent.Key),
            ]);
        }

        foreach (var (measure, words) in new[]
        {
            ("conversion_to_referral", $"Consultations followed by a referral within {_run.WindowDays} days"),
            ("conversion_to_early_help_assessment", $"Consultations followed by an early help assessment within {_run.WindowDays} days"),
            ("conversion_to_section47", $"Consultations followed by a section 47 enquiry within {_run.WindowDays} days"),
        })
        {
            foreach (var grouping in new[] { "partnership", "locality", "agency_sector" })
            {
                var found = _data.Measures.Where(m => m.Measure == measure && m.Grouping == grouping && m.Period == _run.WindowPeriod).ToList();
                foreach (var group in Ordered(found.Select(m => m.Group), grouping == "partnership" ? [Partnership] : ReferenceOrder(grouping)))
                {
                    Add(words, found.First(m => m.Group == group), null);
                }
            }
        }

        foreach (var (measure, words) in new[]
        {
            ("referral_nfa_rate", "Referrals with no further action (referrals in the 12 months to the month)"),
            ("re_referral_rate", "Re-referrals within 12 months of a previous referral (referrals in the 12 months to the month)"),
        })
        {
            if (MeasureOf(measure, "partnership", Partnership, Month) is { } m)
            {
                Add(words, m, measure);
            }
        }

        foreach (var (measure, words) in new[]
        {
            ("repeat_consultations", "Children with a consultation in the month who had 3 or more consultations in 12 months"),
            ("repeat_consultations_without_assessment", "Children with a consultation in the month who had 3 or more consultations in 12 months and no assessment"),
        })
        {
            if (MeasureOf(measure, "partnership", Partnership, Month) is { } m)
            {
                Add(words, m, null);
            }
        }

        PathwayRelations();
        AddTable(t, new PackTable(id, "Pathway", "Pathway_measures", $"Pathway measures against the national comparators, {Labels.Month(Month)}",
            [PackColumn.Text("Measure"), PackColumn.Text("Group"), PackColumn.Text("Month"), PackColumn.Count("Number"), PackColumn.Count("Out of"),
             PackColumn.Percent("Percentage (%)"), PackColumn.Percent("Lower 95% limit (%)"), PackColumn.Percent("Upper 95% limit (%)"),
             PackColumn.Percent("England (%)"), PackColumn.Text("Compared with England")],
            rows)
        {
            Description =
            [
                $"Conversion is for {Labels.Month(_run.WindowPeriod)}, the latest month whose {_run.WindowDays}-day windows had all closed by the data cut-off, over the consultations whose window the loaded Annex A returns cover. Referrals and re-referrals are for the 12 months to {Labels.Month(Month)}; repeat consultations for {Labels.Month(Month)}.",
                $"England: children-in-need statistics, {EnglandSource("re_referral_rate")}. 'Higher' or 'lower' when the 95% interval lies wholly above or below the England value, otherwise 'similar'.",
            ],
        });
    }

    private void PathwayRelations()
    {
        var w = _run.WindowPeriod;
        foreach (var measure in new[] { "conversion_to_referral_count", "conversion_to_early_help_assessment_count", "conversion_to_section47_count", "conversion_eligible" })
        {
            CellKey Key(string grouping, string group) => Fig(w, grouping, group, null, measure).Key;
            foreach (var grouping in new[] { "locality", "agency_sector" })
            {
                var groups = _data.Measures.Where(m => m.Measure == "conversion_to_referral" && m.Grouping == grouping && m.Period == w).Select(m => m.Group);
                _book.Sum(Key("partnership", Partnership), groups.Select(g => Key(grouping, g)), $"partnership = sum of {grouping}");
            }
        }
    }

    /// <summary>Consent over the consultations whose outcome needs it, by caller agency, month M.</summary>
    private void Consent()
    {
        const string id = "15-consent";
        var t = _book.Table(id);
        string[] categories = ["given", "refused", "not_sought", "not_recorded", "not_required"];
        var rows = new List<IReadOnlyList<PackValue>>();
        var agencies = Ordered(MeasuresOf("consent_given", "caller_agency").Where(m => m.Period == Month).Select(m => m.Group), ReferenceOrder("caller_agency")).ToList();
        foreach (var (grouping, group) in agencies.Select(a => ("caller_agency", a)).Prepend(("partnership", Partnership)))
        {
            var measures = categories.Select(c => MeasureOf("consent_" + c, grouping, group, Month)).ToList();
            if (measures[0] is null)
            {
                continue;
            }

            var row = new List<PackValue> { Text(MonthCode(Month)), Text(GroupLabel(grouping, group)), MeasureDenominator(t, measures[0]!) };
            row.AddRange(measures.Select(m => OrMissing(m, x => MeasurePercent(t, x))));
            rows.Add(row);
            var parts = categories.Select(c => Fig(Month, grouping, group, null, $"consent_{c}_count").Key);
            _book.Sum(Fig(Month, grouping, group, null, "consultations_needing_consent").Key, parts, "the consent categories add up to the consultations that need consent");
        }

        foreach (var measure in categories.Select(c => $"consent_{c}_count").Append("consultations_needing_consent"))
        {
            _book.Sum(Fig(Month, "partnership", Partnership, null, measure).Key, agencies.Select(a => Fig(Month, "caller_agency", a, null, measure).Key), "partnership = sum of agencies");
        }

        AddTable(t, new PackTable(id, "Consent", "Consent_by_agency", $"Consent to share information by the caller's agency, {Labels.Month(Month)}",
            [PackColumn.Text("Month"), PackColumn.Text("Caller's agency"), PackColumn.Count("Consultations needing consent"),
             PackColumn.Percent("Consent given (%)"), PackColumn.Percent("Consent refused (%)"), PackColumn.Percent("Consent not sought (%)"),
             PackColumn.Percent("Consent not recorded (%)"), PackColumn.Percent("Not required (%)")],
            rows)
        {
            Description = [$"Period: {Labels.Month(Month)}. Consultations whose outcome needs consent (every outcome but child protection); agencies with none are left out. 'Not required' is valid only with a child-protection outcome and should be 0 here."],
        });
    }

    /// <summary>Timeliness in working days (England and Wales bank holidays), month M.</summary>
    private void Timeliness()
    {
        const string id = "16-timeliness";
        var t = _book.Table(id);
        var rows = new List<IReadOnlyList<PackValue>>();
        void Add(string words, MeasureValue? median, MeasureValue? within, MeasureValue? notAvailable, MeasureValue? notRecorded)
        {
            if (within is null)
            {
                return;
            }

            var percent = MeasurePercent(t, within);
            rows.Add(
            [
                Text(words), Text(GroupLabel(within.Grouping, within.Group)), Text(MonthCode(within.Period)),
                MeasureDenominator(t, within),
                OrMissing(median, m => MeasureMedian(t, m)),
                percent, TableBuilder.Lower(percent), TableBuilder.Upper(percent),
                OrMissing(notAvailable, m => MeasureCount(t, m)),
                notRecorded is null ? new SymbolValue("[z]") : MeasureCount(t, notRecorded),
            ]);
        }

        var decisionGroups = Ordered(MeasuresOf("decisions_within_limit", "locality").Where(m => m.Period == Month).Select(m => m.Group), ReferenceOrder("locality")).ToList();
        foreach (var (grouping, group) in decisionGroups.Select(l => ("locality", l)).Prepend(("partnership", Partnership)))
        {
            Add($"Consultation to decision (within {_run.DecisionWorkingDays} working day{(_run.DecisionWorkingDays == 1 ? string.Empty : "s")})",
                MeasureOf("decision_working_days_median", grouping, group, Month), MeasureOf("decisions_within_limit", grouping, group, Month),
                MeasureOf("decision_working_days_not_available", grouping, group, Month), MeasureOf("decision_not_recorded", grouping, group, Month));
            var parts = DecisionParts.Select(m => Fig(Month, grouping, group, null, m).Key);
            _book.Sum(Fig(Month, grouping, group, null, "consultations").Key, parts, "consultations = decisions with working days + not available + not recorded");
        }

        foreach (var measure in new[] { "decisions_with_working_days", "decisions_within_limit_count", "decision_working_days_not_available", "decision_not_recorded" })
        {
            _book.Sum(Fig(Month, "partnership", Partnership, null, measure).Key, decisionGroups.Select(l => Fig(Month, "locality", l, null, measure).Key), "partnership = sum of localities");
        }

        Add("Assessment start to authorisation (within 45 working days)", MeasureOf("assessment_working_days_median", "partnership", Partnership, Month),
            MeasureOf("assessment_within_45_working_days", "partnership", Partnership, Month), MeasureOf("assessment_working_days_not_available", "partnership", Partnership, Month), null);
        Add("Strategy discussion to initial child protection conference (within 15 working days)", MeasureOf("icpc_working_days_median", "partnership", Partnership, Month),
            MeasureOf("icpc_within_15_working_days", "partnership", Partnership, Month), MeasureOf("icpc_working_days_not_available", "partnership", Partnership, Month), null);

        AddTable(t, new PackTable(id, "Timeliness", "Timeliness_working_days", $"Timeliness in working days, {Labels.Month(Month)}",
            [PackColumn.Text("Measure"), PackColumn.Text("Group"), PackColumn.Text("Month"), PackColumn.Count("Cases with both dates"),
             new PackColumn("Median (working days)", ColumnKind.WorkingDays), PackColumn.Percent("Within the limit (%)"), PackColumn.Percent("Lower 95% limit (%)"), PackColumn.Percent("Upper 95% limit (%)"),
             PackColumn.Count("Working days not available"), PackColumn.Count("Decision date not recorded")],
            rows)
        {
            Description =
            [
                $"Period: {Labels.Month(Month)}: consultations made, assessments authorised and conferences held in the month. Working days exclude weekends and England and Wales bank holidays.",
                "Working days are not available ([x], counted) for dates in a year the bank-holiday table does not cover: they are never worked out from weekends alone.",
            ],
        });
    }

    /// <summary>Step-up and step-down against the child's previous actual level, consistency month and trend.</summary>
    private void Steps()
    {
        const string id = "17-steps";
        var t = _book.Table(id);
        var rows = new List<IReadOnlyList<PackValue>>();
        void Add(string label, MeasureValue? up, MeasureValue? down)
        {
            if (up is null || down is null)
            {
                return;
            }

            var upPercent = MeasurePercent(t, up);
            var downPercent = MeasurePercent(t, down);
            rows.Add(
            [
                Text(MonthCode(up.Period)), Text(label), MeasureDenominator(t, up),
                upPercent, TableBuilder.Lower(upPercent), TableBuilder.Upper(upPercent),
                downPercent, TableBuilder.Lower(downPercent), TableBuilder.Upper(downPercent),
            ]);
        }

        var c = _run.ConsistencyPeriod;
        var localities = Ordered(MeasuresOf("step_up", "locality").Where(m => m.Period == c).Select(m => m.Group), ReferenceOrder("locality")).ToList();
        Add(GroupLabel("partnership", Partnership), MeasureOf("step_up", "partnership", Partnership, c), MeasureOf("step_down", "partnership", Partnership, c));
        foreach (var locality in localities)
        {
            Add(GroupLabel("locality", locality), MeasureOf("step_up", "locality", locality, c), MeasureOf("step_down", "locality", locality, c));
        }

        foreach (var month in TrendMonths)
        {
            Add($"{_data.PartnershipName} (all), trend", MeasureOf("step_up", "month", MonthCode(month), month), MeasureOf("step_down", "month", MonthCode(month), month));
        }

        if (c is DateOnly period)
        {
            foreach (var measure in new[] { "step_up_count", "step_down_count", "with_previous_level" })
            {
                var total = Fig(period, "partnership", Partnership, null, measure).Key;
                _book.Sum(total, localities.Select(l => Fig(period, "locality", l, null, measure).Key), "partnership = sum of localities");
            }
        }

        AddTable(t, new PackTable(id, "Steps", "Step_up_and_step_down", $"Step-up and step-down between a child's consultations, {PeriodWords(c)} and the 13-month trend",
            [PackColumn.Text("Month"), PackColumn.Text("Group"), PackColumn.Count("Consultations with a previous actual level"),
             PackColumn.Percent("Step-up (%)"), PackColumn.Percent("Step-up lower 95% limit (%)"), PackColumn.Percent("Step-up upper 95% limit (%)"),
             PackColumn.Percent("Step-down (%)"), PackColumn.Percent("Step-down lower 95% limit (%)"), PackColumn.Percent("Step-down upper 95% limit (%)")],
            rows)
        {
            Description =
            [
                ConsistencyLine("Consultations whose child had an assessable actual level in the 12 months before: step-up when the new actual level is higher, step-down when lower."),
                TrendProvisional,
            ],
        });
    }
}
