-- What a reader of a run's results must know, as counts (only the non-zero ones are recorded).
-- Reads the scope tables and chk_measures, so it runs after the checks.
INSERT INTO analytics.run_warnings
WITH reported AS (
    -- The months read in full (M, the consistency month, the window month).
    SELECT * FROM chk_consultation
)
SELECT p.run_id, w.code, w.message, w.count::BIGINT
FROM chk_params p, (
    SELECT 'no_consistency_month' AS code,
           'No month up to the pack month is free of pending consultations at the cut-off: agreement measures are reported for the trend only, all provisional.' AS message,
           CASE WHEN (SELECT consistency_period FROM chk_params) IS NULL THEN 1 ELSE 0 END AS count
    UNION ALL
    SELECT 'consistency_month_before_trend',
           'The consistency month is more than 12 months before the pack month.',
           CASE WHEN (SELECT consistency_period < trend_start FROM chk_params) THEN 1 ELSE 0 END
    UNION ALL
    SELECT 'working_days_not_available',
           'Working-day figures not available ([x]): a date in a year the bank-holiday table does not cover, outside the calendar, or before the date it is counted from.',
           coalesce(sum(numerator), 0)
    FROM chk_measures WHERE measure LIKE '%working_days_not_available' AND grouping = 'partnership'
    UNION ALL
    SELECT 'conversion_not_covered',
           'Consultations of the window month whose window the loaded Annex A returns do not cover: left out of the conversion measures.',
           coalesce(sum(numerator), 0)
    FROM chk_measures WHERE measure = 'conversion_not_covered' AND grouping = 'partnership'
    UNION ALL
    SELECT 'consultations_after_cut_off',
           'Consultations dated after the cut-off and within the pack month were not seen by this run.',
           count(*)
    FROM fact.consultation c, chk_params q
    WHERE c.partnership = q.partnership AND c.consultation_date > q.cut_off AND c.consultation_date <= q.period_end
    UNION ALL
    SELECT 'actual_not_derived',
           'Consultations in the reported months without a derived actual level (the derivation has not run since they were loaded).',
           count(*) FROM chk_history h JOIN chk_months m ON m.period = h.period WHERE h.actual_reason = 'actual not derived'
    UNION ALL
    SELECT 'unknown_locality',
           'Consultations of the months read in full whose locality is not in the reference data (area ''unknown'').',
           count(*) FROM reported WHERE area = 'unknown'
    UNION ALL
    SELECT 'unknown_agency',
           'Consultations of the months read in full whose caller agency is not in the reference data (sector ''unknown'').',
           count(*) FROM reported WHERE agency_sector = 'unknown'
    UNION ALL
    SELECT 'unknown_outcome',
           'Consultations of the months read in full whose outcome is not in their framework version: treated as not needing consent.',
           count(*) FROM reported WHERE outcome_level IS NULL
) w
WHERE w.count > 0;
