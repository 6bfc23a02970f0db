-- The scope of one check run: its parameters and months, and the consultations it reads, with
-- every view of the level and every grouping label resolved once. Every later script reads
-- these temp tables and views (chk_*), never the parameters, so each can be run by hand after
-- this one. Performance: only the months read in full (M, the consistency month, the window
-- month) are materialised; the 13-month passes read fact.consultation through chk_history.
--
-- Parameters: $run_id, $partnership, $period (first day of the pack month M), $cut_off (NULL:
-- the latest date the loaded sources cover), $window_days, $high_score, $decision_working_days.
--
-- Months (all first days of a month):
--   period              M: volumes, recommended levels, consent, timeliness, Pathway to Change.
--   consistency_period  the latest month <= M with no pending consultation at the cut-off: the
--                       agreement measures and the serious under-response exceptions.
--   window_period       the latest month <= M whose consultations' windows all closed by the
--                       cut-off: conversion to referral / assessment / section 47.
--   trend_start .. M    the 13-month trend.

-- The source of a consultation's actual level, as the derivation stored it; a level recorded
-- in the source file is 'recorded' even before the derivation has run.
CREATE OR REPLACE TEMP MACRO chk_source(actual_source, actual_level_recorded) AS
    coalesce(actual_source, CASE WHEN actual_level_recorded IS NOT NULL THEN 'recorded' END);

-- Pending at the run's cut-off (CONTRACT.md section 3): no recorded level, and the window after
-- the consultation is still open at the cut-off (or the derivation said so at its own cut-off).
CREATE OR REPLACE TEMP MACRO chk_pending(source, window_end, consultation_date, window_days, cut_off) AS
    source IS DISTINCT FROM 'recorded'
    AND (source = 'pending' OR coalesce(window_end, consultation_date + window_days) > cut_off);

-- Working days from start_date to end_date: the working days after start_date up to and
-- including end_date (same day = 0). Not available when either date is outside the calendar or
-- any day from start_date to end_date lies in a year the bank-holiday table does not cover.
CREATE OR REPLACE TEMP MACRO chk_working_day_state(start_date, end_date, start_known, start_unknown, end_unknown) AS
    CASE WHEN start_date IS NULL OR end_date IS NULL THEN 'not recorded'
         WHEN end_date < start_date THEN 'out of order'
         WHEN start_unknown IS NULL OR end_unknown IS NULL
              OR end_unknown - start_unknown + CASE WHEN start_known THEN 0 ELSE 1 END > 0 THEN 'holidays unknown'
         ELSE 'available' END;

CREATE OR REPLACE TEMP TABLE chk_params AS
WITH given AS (
    SELECT $run_id::VARCHAR               AS run_id,
           $partnership::VARCHAR          AS partnership,
           $period::DATE                  AS period,
           $cut_off::DATE                 AS cut_off_given,
           $window_days::INTEGER          AS window_days,
           $high_score::INTEGER           AS high_score,
           $decision_working_days::INTEGER AS decision_working_days
), dated AS (
    SELECT g.*,
           (g.period + INTERVAL 1 MONTH)::DATE - 1 AS period_end,
           coalesce(g.cut_off_given,
                    greatest((SELECT max(c.consultation_date) FROM fact.consultation c WHERE c.partnership = g.partnership),
                             (SELECT max(r.coverage_end) FROM ops.annex_a_returns r WHERE r.partnership = g.partnership)),
                    (g.period + INTERVAL 1 MONTH)::DATE - 1) AS cut_off
    FROM given g
), months AS (
    SELECT date_trunc('month', c.consultation_date)::DATE AS month,
           bool_or(chk_pending(chk_source(c.actual_source, c.actual_level_recorded),
                               c.actual_window_end, c.consultation_date, d.window_days, d.cut_off)) AS any_pending
    FROM fact.consultation c
    JOIN dated d ON c.partnership = d.partnership AND c.consultation_date <= least(d.period_end, d.cut_off)
    GROUP BY ALL
), resolved AS (
    SELECT d.run_id, d.partnership, d.period, d.period_end, d.cut_off,
           d.cut_off_given IS NOT NULL                                   AS cut_off_given,
           least(d.period_end, d.cut_off)                                AS last_day,
           (d.period - INTERVAL 12 MONTH)::DATE                          AS trend_start,
           (d.period - INTERVAL 11 MONTH)::DATE                          AS rolling_start,
           (SELECT max(m.month) FROM months m WHERE NOT m.any_pending)   AS consistency_period,
           -- m_end + window <= cut_off  <=>  m <= month(cut_off - window + 1) - 1 month
           least(d.period, (date_trunc('month', d.cut_off - d.window_days + 1) - INTERVAL 1 MONTH)::DATE) AS window_period,
           d.window_days, d.high_score, d.decision_working_days,
           4                                                             AS top_level
    FROM dated d
)
SELECT r.*,
       -- The trend, and the twelve months before the consistency month (step-up / step-down).
       least(r.trend_start, (r.consistency_period - INTERVAL 12 MONTH)::DATE, r.window_period) AS base_start
FROM resolved r;

-- The same values as constants (session variables) for the passes over fact.consultation: a join
-- to chk_params hides from DuckDB's planner how many rows a date range holds, and it then builds
-- its hash tables on the months of consultations rather than on the few it joins them to.
SET VARIABLE chk_partnership = (SELECT partnership FROM chk_params);
SET VARIABLE chk_base_start = (SELECT base_start FROM chk_params);
SET VARIABLE chk_rolling_start = (SELECT rolling_start FROM chk_params);
SET VARIABLE chk_last_day = (SELECT last_day FROM chk_params);
SET VARIABLE chk_cut_off = (SELECT cut_off FROM chk_params);
SET VARIABLE chk_window_days = (SELECT window_days FROM chk_params);

-- The months reported, with their roles.
CREATE OR REPLACE TEMP TABLE chk_months AS
WITH wanted AS (
    SELECT unnest(generate_series(p.trend_start::TIMESTAMP, p.period::TIMESTAMP, INTERVAL 1 MONTH))::DATE AS period, true AS in_trend
    FROM chk_params p
    UNION ALL SELECT consistency_period, false FROM chk_params WHERE consistency_period IS NOT NULL
    UNION ALL SELECT window_period, false FROM chk_params
), months AS (
    SELECT period, bool_or(in_trend) AS in_trend FROM wanted GROUP BY period
)
SELECT m.period,
       strftime(m.period, '%Y-%m')                                           AS label,
       m.in_trend,
       m.period IS NOT DISTINCT FROM p.consistency_period                    AS is_consistency,
       m.in_trend OR m.period IS NOT DISTINCT FROM p.consistency_period      AS for_agreement,
       -- The months read in full (every grouping column): M, the consistency month, the window month.
       m.period IN (p.period, p.window_period) OR m.period IS NOT DISTINCT FROM p.consistency_period AS in_detail
FROM months m, chk_params p;

-- Every consultation from base_start to the last day the run sees, with the views of the level
-- resolved: a view, so that each narrow pass over the months (trend, repeats, history) reads
-- only the columns it needs straight from fact.consultation.
--   recommended_recorded  the recommended level when the front door recorded one, else NULL;
--   actual_reason         NULL when the actual level is assessable (recorded, or Annex A-derived
--                         with its window closed by the cut-off), else why not;
--   actual_level          the assessable actual level, else NULL.
CREATE OR REPLACE TEMP VIEW chk_history AS
WITH raw AS (
    SELECT c.*,
           chk_source(c.actual_source, c.actual_level_recorded)                        AS source,
           chk_pending(chk_source(c.actual_source, c.actual_level_recorded),
                       c.actual_window_end, c.consultation_date,
                       getvariable('chk_window_days'), getvariable('chk_cut_off'))     AS is_pending,
           coalesce(c.actual_window_end, c.consultation_date + getvariable('chk_window_days')) AS window_end_at
    FROM fact.consultation c
    WHERE c.partnership = getvariable('chk_partnership')
      AND c.consultation_date BETWEEN getvariable('chk_base_start') AND getvariable('chk_last_day')
), assessed AS (
    SELECT r.*,
           CASE WHEN r.source = 'recorded' AND coalesce(r.actual_level_recorded, r.actual_level) IS NOT NULL THEN NULL
                WHEN r.is_pending THEN 'actual pending'
                WHEN r.source = 'annex_a' AND r.actual_level IS NOT NULL THEN NULL
                WHEN r.source = 'implied' THEN 'actual implied only'
                ELSE 'actual not derived' END AS reason_actual
    FROM raw r
)
SELECT a.partnership,
       a.consultation_id,
       a.child_key,
       a.consultation_date,
       date_trunc('month', a.consultation_date)::DATE                  AS period,
       a.locality,
       a.caller_agency,
       a.team,
       a.age_band,
       a.sex,
       a.ethnicity_group,
       a.disability,
       a.framework_version,
       a.outcome,
       a.consent,
       a.caller_level,
       a.recommended_level,
       a.recommended_implied,
       CASE WHEN NOT a.recommended_implied THEN a.recommended_level END AS recommended_recorded,
       a.indicated_level,
       a.likelihood,
       a.seriousness,
       a.decision_date,
       a.source                                                        AS actual_source,
       a.is_pending,
       a.window_end_at                                                 AS window_end,
       a.reason_actual                                                 AS actual_reason,
       CASE WHEN a.reason_actual IS NULL
            THEN CASE WHEN a.source = 'recorded' THEN coalesce(a.actual_level_recorded, a.actual_level) ELSE a.actual_level END
       END                                                             AS actual_level
FROM assessed a;

-- One audit judgement per consultation: the latest audit (then audit id, then auditor) wins.
CREATE OR REPLACE TEMP TABLE chk_audit AS
SELECT j.consultation_id, j.auditor_level AS audited_level
FROM fact.audit_judgement j, chk_params p
WHERE j.partnership = p.partnership
QUALIFY row_number() OVER (PARTITION BY j.consultation_id ORDER BY j.audit_date DESC, j.audit_id DESC, j.auditor_ref) = 1;

-- The months read in full: every grouping label resolved (NULL labels become 'not known' /
-- 'not recorded', so that NULL only ever means "rolled up" in a GROUPING SETS result).
CREATE OR REPLACE TEMP TABLE chk_consultation AS
SELECT h.consultation_id,
       h.child_key,
       h.consultation_date,
       h.period,
       h.locality,
       coalesce(l.area, 'unknown')                                     AS area,
       h.caller_agency,
       coalesce(g.sector, 'unknown')                                   AS agency_sector,
       coalesce(nullif(trim(h.team), ''), 'not recorded')              AS team,
       coalesce(h.age_band, 'not known')                               AS age_band,
       coalesce(h.sex, 'not known')                                    AS sex,
       coalesce(h.ethnicity_group, 'Not known')                        AS ethnicity_group,
       CASE h.disability WHEN true THEN 'yes' WHEN false THEN 'no' ELSE 'not known' END AS disability,
       h.framework_version,
       h.outcome,
       o.implied_level                                                 AS outcome_level,
       coalesce(o.needs_consent, false)                                AS needs_consent,
       h.consent,
       h.caller_level,
       h.recommended_level,
       h.recommended_implied,
       h.recommended_recorded,
       h.indicated_level,
       h.likelihood,
       h.seriousness,
       h.decision_date,
       h.actual_source,
       h.is_pending,
       h.window_end,
       h.actual_reason,
       h.actual_level,
       u.audited_level
FROM chk_history h
JOIN chk_months m ON m.period = h.period AND m.in_detail
LEFT JOIN dim.locality l ON l.partnership = h.partnership AND l.locality_code = h.locality
LEFT JOIN dim.agency g ON g.partnership = h.partnership AND g.agency_code = h.caller_agency
LEFT JOIN dim.outcome o ON o.partnership = h.partnership AND o.framework_version = h.framework_version AND o.outcome_code = h.outcome
LEFT JOIN chk_audit u ON u.consultation_id = h.consultation_id
-- The same months as a date range, so that the scan of fact.consultation skips the others.
WHERE h.consultation_date >= (SELECT min(period) FROM chk_months WHERE in_detail);

-- Each reported month: its consultations, and how many are pending at the cut-off ([p]).
CREATE OR REPLACE TEMP TABLE chk_month_status AS
SELECT m.period, m.label, m.in_trend, m.is_consistency, m.for_agreement,
       coalesce(s.consultations, 0)::BIGINT AS consultations,
       coalesce(s.pending, 0)::BIGINT       AS pending
FROM chk_months m
LEFT JOIN (SELECT period, count(*) AS consultations, count(*) FILTER (WHERE is_pending) AS pending
           FROM chk_history GROUP BY period) s ON s.period = m.period;

-- Cumulative working-day and unknown-year counts: working days between two dates by subtraction.
CREATE OR REPLACE TEMP TABLE chk_calendar AS
SELECT day,
       holidays_known,
       sum(CASE WHEN is_working_day THEN 1 ELSE 0 END) OVER (ORDER BY day) AS working_index,
       sum(CASE WHEN holidays_known THEN 0 ELSE 1 END) OVER (ORDER BY day) AS unknown_index
FROM dim.calendar;

-- Consultation to decision, in working days, for the consultations of month M.
CREATE OR REPLACE TEMP TABLE chk_decision AS
SELECT c.consultation_id, c.consultation_date, c.decision_date, c.locality, c.period,
       chk_working_day_state(c.consultation_date, c.decision_date, s.holidays_known, s.unknown_index, e.unknown_index) AS state,
       CASE WHEN chk_working_day_state(c.consultation_date, c.decision_date, s.holidays_known, s.unknown_index, e.unknown_index) = 'available'
            THEN (e.working_index - s.working_index)::INTEGER END AS working_days
FROM chk_consultation c
JOIN chk_params p ON c.period = p.period
LEFT JOIN chk_calendar s ON s.day = c.consultation_date
LEFT JOIN chk_calendar e ON e.day = c.decision_date;

-- The children with a consultation in M, with their consultations in the 12 months to the end
-- of M; for those with 3 or more, the first and latest dates and whether an assessment (Annex A
-- early help assessment, assessment or section 47) followed the first of them by the cut-off;
-- for those of them without one, their consultation ids and the latest of them.
CREATE OR REPLACE TEMP TABLE chk_repeat AS
WITH month_children AS (
    SELECT DISTINCT c.child_key FROM chk_consultation c JOIN chk_params p ON c.period = p.period
), recent AS MATERIALIZED (
    -- Performance: an inner join to the (distinct) children of M, so that DuckDB builds its hash
    -- table on them and streams the twelve months past it (a semi join built it on the months).
    SELECT h.child_key, h.consultation_id, h.consultation_date
    FROM chk_history h
    JOIN month_children m ON m.child_key = h.child_key
    WHERE h.consultation_date >= getvariable('chk_rolling_start')
), counted AS (
    SELECT child_key,
           count(*)                                                                        AS consultations,
           min(consultation_date)                                                          AS first_date,
           max(consultation_date)                                                          AS latest_date
    FROM recent GROUP BY child_key
), assessed AS (
    SELECT DISTINCT n.child_key
    FROM counted n
    JOIN fact.annex_a_event e ON e.child_key = n.child_key AND e.event_date >= n.first_date
    WHERE n.consultations >= 3
      AND e.partnership = getvariable('chk_partnership')
      AND e.event_date BETWEEN getvariable('chk_rolling_start') AND getvariable('chk_cut_off')
      AND e.event_kind IN ('early_help_assessment', 'assessment', 'section47')
), listed AS (
    -- The consultation ids and the latest of them, only where the exceptions quote them: 3 or
    -- more consultations and no assessment.
    SELECT r.child_key, list(r.consultation_id ORDER BY r.consultation_date, r.consultation_id) AS consultation_ids
    FROM recent r
    JOIN counted n ON n.child_key = r.child_key AND n.consultations >= 3
    ANTI JOIN assessed a ON a.child_key = r.child_key
    GROUP BY r.child_key
)
SELECT n.child_key,
       n.consultations,
       CASE WHEN n.consultations >= 3 THEN n.first_date END             AS first_date,
       CASE WHEN n.consultations >= 3 THEN n.latest_date END            AS latest_date,
       l.consultation_ids[-1]                                           AS latest_consultation_id,
       l.consultation_ids,
       CASE WHEN n.consultations >= 3 THEN a.child_key IS NOT NULL END  AS assessed
FROM counted n
LEFT JOIN listed l ON l.child_key = n.child_key
LEFT JOIN assessed a ON a.child_key = n.child_key;
