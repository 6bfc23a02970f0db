using Warehouse.Reports.Packs.Data;
using Warehouse.Reports.Packs.Figures;

namespace Warehouse.Reports.Packs.Monthly;

internal sealed partial class PackPlanner
{
    private MeasureValue? MeasureOf(string measure, string grouping, string group, DateOnly? period = null) =>
        _data.Measures.FirstOrDefault(m => m.Measure == measure && m.Grouping == grouping && m.Group == group && (period is null || m.Period == period));

    /// <summary>The whole partnership's figure for a month: one identity, as a trend point or a partnership row.</summary>
    private FigureId MonthFigure(DateOnly month, string? comparison, string measure) => Fig(month, "partnership", Partnership, comparison, measure);

    private List<MeasureValue> MeasuresOf(string measure, string grouping) =>
        _data.Measures.Where(m => m.Measure == measure && m.Grouping == grouping).ToList();

    /// <summary>A measure's identity; a trend month's is the whole partnership's for that month (see <see cref="Agr"/>).</summary>
    private FigureId MeasureId(MeasureValue m, string? measure = null) => m.Grouping == "month"
        ? new(m.Period, "partnership", Partnership, null, measure ?? m.Measure)
        : new(m.Period, m.Grouping, m.Group, null, measure ?? m.Measure);

    /// <summary>
    /// The numerator and denominator quantities of a proportion measure. Figures that are the same
    /// number get the same id: the three conversion rates of a group share their denominator; a share
    /// of consultations divides by the partnership's consultations of the month.
    /// </summary>
    private (FigureId Numerator, FigureId Denominator) RateParts(MeasureValue m)
    {
        FigureId Own(string measure) => MeasureId(m, measure);
        return m.Measure switch
        {
            "share_of_consultations" => (Own("consultations"), Partner(m.Period, "consultations")),
            "referral_nfa_rate" => (Own("referrals_nfa"), Own("referrals_nfa_known")),
            "re_referral_rate" => (Own("re_referrals"), Own("referrals")),
            "repeat_consultations" => (Own("children_3_or_more_consultations"), Own("children_with_consultation")),
            "repeat_consultations_without_assessment" => (Own("children_3_or_more_without_assessment"), Own("children_with_consultation")),
            "decisions_within_limit" => (Own("decisions_within_limit_count"), Own("decisions_with_working_days")),
            "assessment_within_45_working_days" => (Own("assessments_within_45_working_days_count"), Own("assessments_with_working_days")),
            "icpc_within_15_working_days" => (Own("icpcs_within_15_working_days_count"), Own("icpcs_with_working_days")),
            "step_up" or "step_down" => (Own(m.Measure + "_count"), Own("with_previous_level")),
            _ when m.Measure.StartsWith("conversion_to_", StringComparison.Ordinal) => (Own(m.Measure + "_count"), Own("conversion_eligible")),
            _ when m.Measure.StartsWith("consent_", StringComparison.Ordinal) => (Own(m.Measure + "_count"), Own("consultations_needing_consent")),
            _ => (Own(m.Measure + "_count"), Own(m.Measure + "_out_of")),
        };
    }

    /// <summary>A proportion measure as a percentage with its interval and its flag against England, if any.</summary>
    private FigureValue MeasurePercent(TableBuilder t, MeasureValue m)
    {
        var (numerator, denominator) = RateParts(m);
        return t.Percent(MeasureId(m), numerator, m.Numerator, denominator, m.Denominator, m.Lower, m.Upper, m.Provisional, m.Flag);
    }

    private FigureValue MeasureNumerator(TableBuilder t, MeasureValue m) => t.Count(RateParts(m).Numerator, m.Numerator, m.Provisional);

    private FigureValue MeasureDenominator(TableBuilder t, MeasureValue m) => t.Count(RateParts(m).Denominator, m.Denominator, m.Provisional);

    private FigureValue MeasureCount(TableBuilder t, MeasureValue m) => t.Count(MeasureId(m), m.Numerator, m.Provisional);

    private FigureValue MeasureMedian(TableBuilder t, MeasureValue m) =>
        t.Statistic(MeasureId(m), FigureUnit.WorkingDays, m.Value, m.Numerator ?? 0, decimals: 1, provisional: m.Provisional);

    /// <summary>Consultations per 10,000 children aged 0–17, over the group's population (reference data).</summary>
    private FigureValue PerTenThousand(TableBuilder t, MeasureValue m)
    {
        var population = m.Denominator;
        return t.Per10000(MeasureId(m), MeasureId(m, "consultations"), m.Numerator, MeasureId(m, "population_0_17"), population, m.Lower, m.Upper);
    }

    private static PackValue OrMissing(MeasureValue? m, Func<MeasureValue, PackValue> figure) => m is null ? new SymbolValue("[x]") : figure(m);

    /// <summary>The England value a measure is set against (grouping 'england'), as a percentage.</summary>
    private PackValue England(string measure)
    {
        var england = _data.Measures.FirstOrDefault(m => m.Grouping == "england" && m.Measure == measure);
        return england?.Value is double value ? new ReferenceValue(value * 100, FigureUnit.Percent, 1) : new SymbolValue("[x]");
    }

    private string EnglandSource(string measure) =>
        _data.Measures.FirstOrDefault(m => m.Grouping == "england" && m.Measure == measure)?.Group ?? "not available";
}
