namespace Warehouse.Analytics.Checks.Exceptions;

/// <summary>The names of the exception rules (the <c>rule</c> column), as Sql/exceptions.sql writes them.</summary>
internal static class ExceptionRules
{
    /// <summary>Recommended at the top level, assessable actual level at or below the second (consistency month).</summary>
    public const string SeriousUnderResponse = "serious_under_response";

    /// <summary>An indicator meaning the top level on its own, with an outcome below the top level.</summary>
    public const string TopLevelIndicatorBelowTopOutcome = "top_level_indicator_below_top_outcome";

    /// <summary>Consent not recorded, or not sought, where the outcome needs it.</summary>
    public const string ConsentMissing = "consent_missing";

    /// <summary>Decision later than the configured number of working days.</summary>
    public const string LateDecision = "late_decision";

    /// <summary>3 or more consultations in 12 months and no assessment.</summary>
    public const string RepeatWithoutAssessment = "repeat_without_assessment";

    /// <summary>High Pathway to Change scores with a recommended level at or below the second.</summary>
    public const string HighScoreLowLevel = "high_score_low_level";
}
