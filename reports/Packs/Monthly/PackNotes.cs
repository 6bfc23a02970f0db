using Warehouse.Reports.Packs.Data;
using Warehouse.Reports.Packs.Figures;

namespace Warehouse.Reports.Packs.Monthly;

/// <summary>
/// The notes every pack carries: definitions, the disclosure rules in force, which month each measure
/// covers, how actual levels were derived and how many came from each source, what could not be
/// assessed and why, and the Worcestershire warning. Counts quoted here are the published figures.
/// </summary>
internal static class PackNotes
{
    /// <summary>The warning in the Worcestershire Multi Agency Levels of Need document (May 2019), quoted in every pack.</summary>
    public const string WorcestershireWarning =
        "The Worcestershire Multi Agency Levels of Need document warns that its levels \"do not necessarily correlate with those applied within individual agencies to differentiate between different levels of service provision\".";

    public static IReadOnlyList<string> Build(PackPlan plan, PublishedFigures figures, PackOptions options)
    {
        var data = plan.Data;
        var run = data.Run;
        var c = run.ConsistencyPeriod;
        var notes = new List<string>
        {
            "Levels. Each consultation can have up to five views of the level of need: the caller's (what the caller thought was needed), the recommended level (recorded by the front door applying the threshold document), the actual level (the support actually provided), the indicated level (what the recorded indicators suggest; a prompt for reflection, never a verdict, as both threshold documents say they are not checklists) and the audited level (a quality-assurance auditor's judgement).",
            $"Levels of {data.PartnershipName}'s framework: {string.Join("; ", Enumerable.Range(1, 4).Select(l => $"{l} {data.LevelName(l)}"))}. Framework version(s) of the consultations analysed: {(run.FrameworkVersions.Length == 0 ? "none" : run.FrameworkVersions)}.",
            $"Comparisons are written reference → compared. Agreement: both levels equal. Over-response: compared level above the reference. Under-response: below. Serious under-response: reference at level {run.TopLevel} and compared at level {run.TopLevel - 2} or below. Agreement and the over- and under-response rates have Wilson score 95% confidence intervals.",
            "Kappa. Linear-weighted kappa (Cohen 1968) is the headline measure of agreement beyond chance, from -1 to 1 (0 is chance agreement). Its 95% interval uses the asymptotic standard error of Fleiss, Cohen and Everitt (1969). Kappa is [z] when expected agreement is 1.",
            $"Statistical disclosure control. {figures.Options.Describe()} The threshold ({options.Disclosure.Threshold}) and the minimum number of cases ({options.Disclosure.MinimumCases}) are the settings in force for this pack. Suppression is applied across every table, chart and briefing of the month's output together, so that no hidden figure can be worked out from totals in another table, from a rate and its denominator, or from the months of a year. In this pack {figures.PrimarySuppressed} figure(s) are [c] as small counts, {figures.SecondarySuppressed} further figure(s) are [c] to protect them, and {figures.LowReliability} are [u].",
            $"Which month. Volumes, recommended levels, consent, timeliness and repeat consultations are for {Labels.Month(run.Period)}. The consistency measures (agreement, kappa, over- and under-response, step-up and step-down) are for {(c is DateOnly cp ? Labels.Month(cp) : "no month")}: the latest month up to {Labels.Month(run.Period)} with no actual level still pending at the data cut-off ({Labels.Date(run.DataCutOff)}). Conversion is for {Labels.Month(run.WindowPeriod)}, the latest month whose {run.WindowDays}-day windows had all closed. Newer points in the trends are provisional [p]. Each table says which month it covers.",
            ActualLevels(plan, figures),
            NotAssessable(plan, figures),
            $"Funnel plots. Each locality's and agency's agreement and under-response are compared with the partnership value, with 95% and 99.8% control limits (exact binomial for small numbers, normal otherwise). With 10 or more units overdispersion is tested (z-scores winsorised at 10% in each tail) and, when present, the limits are widened by the additive random-effects method. Positions: within (inside 95%), high or low (between 95% and 99.8%: a warning), above or below (outside 99.8%: flagged). {FunnelNote(data)}",
            "Pathway measures are set against England (Department for Education, Characteristics of children in need); 'higher' or 'lower' when the 95% interval lies wholly above or below the England value, otherwise 'similar'.",
            WorcestershireWarning + (data.IsWorcestershire ? " This pack reports Worcestershire's levels: read them as the partnership's thresholds, not as agencies' own service levels." : " It is repeated in every pack because comparisons between partnerships use a common scale only where the frameworks map one to one."),
            "Symbols: [c] confidential (a small count, or a figure that would reveal one); [u] low reliability (fewer cases than the minimum); [x] not available; [z] not applicable; [low] rounds to zero but is not zero; [p] provisional (actual levels still partly pending); [r] revised since the previous month's pack. Charts show a figure that is not available as a gap, never as zero.",
            $"Source: {data.PartnershipName} front-door consultation records and Annex A returns loaded into the warehouse, check run {run.RunId} (finished {Labels.Date(DateOnly.FromDateTime(run.FinishedAt.UtcDateTime))}, analytics version {run.SoftwareVersion}).",
        };

        notes.AddRange(data.Warnings.Select(w => $"Data note ({w.Code.Replace('_', ' ')}): {w.Message}"));
        return notes;
    }

    private static string ActualLevels(PackPlan plan, PublishedFigures figures)
    {
        var run = plan.Data.Run;
        var text = $"Actual levels (the data contract, section 3): the level recorded in the source system when there is one; otherwise, once the loaded Annex A returns cover the {run.WindowDays} days after the consultation, the level the Annex A events confirm (a referral, an assessment, a section 47 enquiry; a child already open to children's social care at least that level); otherwise the outcome's own level (implied). Without a recorded level, an actual level is pending while its window is open at the data cut-off.";
        if (run.ConsistencyPeriod is not DateOnly c)
        {
            return text;
        }

        var month = Labels.MonthCode(c);
        var parts = new[] { ("recorded", "recorded"), ("annex_a", "from Annex A"), ("implied", "implied"), ("pending", "pending"), ("not derived", "not derived") }
            .Select(p => (Key: new FigureId(c, "actual_source", p.Item1, null, "consultations").Key, Words: p.Item2))
            .Where(p => figures.Has(p.Key))
            .Select(p => $"{p.Words} {figures.Text(p.Key)}")
            .ToList();
        return parts.Count == 0 ? text : $"{text} In {Labels.Month(c)} ({month}) the actual levels were: {string.Join("; ", parts)} (Actual_sources sheet).";
    }

    private static string NotAssessable(PackPlan plan, PublishedFigures figures)
    {
        var run = plan.Data.Run;
        var text = "Not assessable. The consistency measures count only consultations where both levels exist; for recommended against actual, the recommended level recorded by the front door (not implied by the outcome) and the actual level recorded or confirmed from Annex A after its window closed.";
        if (run.ConsistencyPeriod is not DateOnly c)
        {
            return text;
        }

        var reasons = plan.Data.NotAssessable
            .Where(n => n.Comparison == "recommended_to_actual" && n.Period == c)
            .Select(n => (Key: new FigureId(c, "not_assessable", n.Reason, n.Comparison, "consultations").Key, n.Reason))
            .Where(p => figures.Has(p.Key))
            .Select(p => $"{p.Reason} {figures.Text(p.Key)}")
            .ToList();
        return reasons.Count == 0 ? text + $" In {Labels.Month(c)} every consultation was assessable." : $"{text} In {Labels.Month(c)}: {string.Join("; ", reasons)} (Not_assessable sheet).";
    }

    private static string FunnelNote(PackData data) =>
        data.Funnels.FirstOrDefault(f => f.Comparison == "recommended_to_actual" && f.Measure == "agreement" && f.Grouping == "locality")?.Note is { } note
            ? "Localities, agreement: " + note
            : string.Empty;
}
