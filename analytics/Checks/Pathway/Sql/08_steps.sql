-- Step-up / step-down (the consistency month): a consultation whose assessable actual level is
-- above / below the child's previous assessable actual level, taken from the latest earlier
-- consultation date within the 12 months before (several consultations on that date: their
-- highest level). Over the consultations that have such a previous level; by partnership and
-- locality.
SET VARIABLE chk_steps_from = (SELECT (consistency_period - INTERVAL 12 MONTH)::DATE FROM chk_params);
SET VARIABLE chk_steps_to = (SELECT (consistency_period + INTERVAL 1 MONTH)::DATE - 1 FROM chk_params);

INSERT INTO chk_measures
WITH current AS (
    SELECT c.consultation_id, c.child_key, c.consultation_date, c.locality, c.actual_level
    FROM chk_consultation c JOIN chk_params p ON c.period = p.consistency_period
    WHERE c.actual_reason IS NULL
), children AS (
    SELECT DISTINCT child_key FROM current
), history AS (
    -- Performance: an inner join to the distinct children and constant date bounds, so that DuckDB
    -- builds its hash table on the month's children rather than on the thirteen months.
    SELECT h.child_key, h.consultation_date, max(h.actual_level) AS actual_level
    FROM chk_history h
    JOIN children c ON c.child_key = h.child_key
    WHERE h.actual_reason IS NULL
      AND h.consultation_date BETWEEN getvariable('chk_steps_from') AND getvariable('chk_steps_to')
    GROUP BY h.child_key, h.consultation_date
), previous AS (
    SELECT child_key, consultation_date,
           lag(consultation_date) OVER (PARTITION BY child_key ORDER BY consultation_date) AS previous_date,
           lag(actual_level) OVER (PARTITION BY child_key ORDER BY consultation_date)      AS previous_level
    FROM history
), paired AS (
    SELECT c.*, v.previous_level
    FROM current c
    JOIN previous v ON v.child_key = c.child_key AND v.consultation_date = c.consultation_date
    WHERE v.previous_date >= (c.consultation_date - INTERVAL 12 MONTH)::DATE
), counted AS (
    SELECT CASE WHEN GROUPING(locality) = 0 THEN 'locality' ELSE 'partnership' END AS grouping,
           CASE WHEN GROUPING(locality) = 0 THEN locality ELSE (SELECT partnership FROM chk_params) END AS group_value,
           count(*) AS with_previous,
           count(*) FILTER (WHERE actual_level > previous_level) AS step_up,
           count(*) FILTER (WHERE actual_level < previous_level) AS step_down
    FROM paired
    GROUP BY GROUPING SETS ((), (locality))
), with_partnership AS (
    SELECT * FROM counted
    UNION ALL
    SELECT 'partnership', (SELECT partnership FROM chk_params), 0, 0, 0
    WHERE NOT EXISTS (SELECT 1 FROM counted WHERE grouping = 'partnership')
)
SELECT p.consistency_period, w.grouping, w.group_value, m.measure, 'proportion', 'consultations',
       CASE m.measure WHEN 'step_up' THEN w.step_up ELSE w.step_down END, w.with_previous, NULL, NULL, false
FROM with_partnership w
CROSS JOIN chk_params p
CROSS JOIN (VALUES ('step_up'), ('step_down')) m(measure)
WHERE p.consistency_period IS NOT NULL;
