namespace Warehouse.Reports.Packs.Qa;

/// <summary>An exception rule's sheet in the QA workbook: its rule name in analytics.exceptions, tab, and what it means.</summary>
internal sealed record QaRule(string Rule, string SheetName, string Title, string Meaning)
{
    public static IReadOnlyList<QaRule> Known { get; } =
    [
        new("serious_under_response", "Serious_under", "Serious under-response: recommended at the top level, actual level two or more below",
            "The front door recommended the top level and the assessable actual level was at or below the second level (consistency month)."),
        new("top_level_indicator_below_top_outcome", "Top_indicator", "An indicator that means the top level on its own, with an outcome below the top level",
            "The framework marks one of the recorded indicators as meaning the top level on its own, but the outcome's level is below the top level (pack month)."),
        new("consent_missing", "Consent", "Consent not recorded or not sought where the outcome needs it",
            "The outcome needs consent and consent was not recorded or was recorded as not sought (pack month)."),
        new("late_decision", "Late_decision", "Decision later than the configured number of working days",
            "The decision date is more working days after the consultation than the configured limit (pack month)."),
        new("repeat_without_assessment", "Repeats", "Three or more consultations in 12 months and no assessment",
            "The child had three or more consultations in the 12 months to the end of the pack month and no assessment since the first; one row per child, on the latest consultation."),
        new("high_score_low_level", "High_score", "High Pathway to Change scores with a low recommended level",
            "Likelihood and seriousness were both at or above the high score, with a recommended level at or below the second (pack month)."),
    ];
}
