-- Case-level exceptions (RESTRICTED: QA workbooks only, never executive packs). One row per
-- consultation and rule that fires, with the values that made it fire as a JSON object.
-- Reads the scope tables (scope.sql). The month each rule looks at:
--   serious_under_response       the consistency month (only assessable actual levels);
--   every other rule             the pack month M.
INSERT INTO analytics.exceptions
WITH fired AS (
    -- Recommended at the top level, assessable actual level at or below the second.
    SELECT c.period, 'serious_under_response' AS rule, c.consultation_id,
           json_object('recommended_level', c.recommended_recorded,
                       'actual_level', c.actual_level,
                       'actual_source', c.actual_source,
                       'outcome', c.outcome)::VARCHAR AS fields
    FROM chk_consultation c JOIN chk_params p ON c.period = p.consistency_period
    WHERE c.recommended_recorded = p.top_level AND c.actual_reason IS NULL AND c.actual_level <= p.top_level - 2

    UNION ALL
    -- An indicator the framework marks as meaning the top level on its own, with an outcome whose
    -- level is below the top level.
    SELECT c.period, 'top_level_indicator_below_top_outcome', c.consultation_id,
           json_object('indicators', list(ci.indicator_code ORDER BY ci.indicator_code),
                       'outcome', any_value(c.outcome),
                       'outcome_level', any_value(c.outcome_level),
                       'recommended_level', any_value(c.recommended_level),
                       'recommended_implied', any_value(c.recommended_implied))::VARCHAR
    FROM chk_consultation c
    JOIN chk_params p ON c.period = p.period
    JOIN fact.consultation_indicator ci ON ci.partnership = p.partnership AND ci.consultation_id = c.consultation_id
    JOIN dim.indicator i ON i.partnership = p.partnership AND i.framework_version = c.framework_version
                        AND i.indicator_code = ci.indicator_code AND i.top_level_on_its_own
    WHERE c.outcome_level < p.top_level
    GROUP BY c.period, c.consultation_id

    UNION ALL
    -- Consent not recorded, or not sought, where the outcome needs it.
    SELECT c.period, 'consent_missing', c.consultation_id,
           json_object('outcome', c.outcome, 'consent', coalesce(c.consent, 'not recorded'))::VARCHAR
    FROM chk_consultation c JOIN chk_params p ON c.period = p.period
    WHERE c.needs_consent AND (c.consent IS NULL OR c.consent = 'not_sought')

    UNION ALL
    -- Decision later than the configured number of working days (only where working days are available).
    SELECT d.period, 'late_decision', d.consultation_id,
           json_object('consultation_date', d.consultation_date,
                       'decision_date', d.decision_date,
                       'working_days', d.working_days,
                       'limit_working_days', p.decision_working_days)::VARCHAR
    FROM chk_decision d, chk_params p
    WHERE d.state = 'available' AND d.working_days > p.decision_working_days

    UNION ALL
    -- 3 or more consultations in the 12 months to the end of M and no assessment since the first;
    -- one row per child, on the child's latest consultation.
    SELECT p.period, 'repeat_without_assessment', r.latest_consultation_id,
           json_object('consultations', r.consultations,
                       'first_consultation_date', r.first_date,
                       'latest_consultation_date', r.latest_date,
                       'consultation_ids', r.consultation_ids)::VARCHAR
    FROM chk_repeat r, chk_params p
    WHERE r.consultations >= 3 AND NOT r.assessed

    UNION ALL
    -- High Pathway to Change scores with a recommended level at or below the second.
    SELECT c.period, 'high_score_low_level', c.consultation_id,
           json_object('likelihood', c.likelihood,
                       'seriousness', c.seriousness,
                       'high_score', p.high_score,
                       'recommended_level', c.recommended_level,
                       'recommended_implied', c.recommended_implied)::VARCHAR
    FROM chk_consultation c JOIN chk_params p ON c.period = p.period
    WHERE c.likelihood >= p.high_score AND c.seriousness >= p.high_score AND c.recommended_level <= 2
)
SELECT p.run_id, f.period, f.rule, c.consultation_id, c.child_key, c.consultation_date, c.locality, c.caller_agency, f.fields
FROM fired f
JOIN chk_consultation c ON c.consultation_id = f.consultation_id
CROSS JOIN chk_params p;
