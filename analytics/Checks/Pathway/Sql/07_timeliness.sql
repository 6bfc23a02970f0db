-- Timeliness in working days (England and Wales bank holidays, dim.calendar): a figure whose
-- dates reach into a year the bank-holiday table does not cover is not available ([x]) and is
-- counted ('..._not_available', and a run warning), never computed from weekends alone.
--   consultation to decision   consultations of M with a decision date, by partnership and
--                              locality: median, and the share within decision_working_days;
--   assessment                 Annex A List 4 assessments authorised in M: start to
--                              authorisation, median and the share within 45 working days;
--   strategy discussion to ICPC  List 5 section 47 enquiries whose ICPC was held in M: median
--                              and the share within 15 working days.
INSERT INTO chk_measures
WITH decisions AS (
    SELECT CASE WHEN GROUPING(locality) = 0 THEN 'locality' ELSE 'partnership' END AS grouping,
           CASE WHEN GROUPING(locality) = 0 THEN locality ELSE (SELECT partnership FROM chk_params) END AS group_value,
           count(*) FILTER (WHERE d.state = 'available')                                              AS available,
           count(*) FILTER (WHERE d.state = 'available' AND d.working_days <= (SELECT decision_working_days FROM chk_params)) AS within,
           count(*) FILTER (WHERE d.state IN ('holidays unknown', 'out of order'))                     AS not_available,
           count(*) FILTER (WHERE d.state = 'not recorded')                                           AS not_recorded,
           quantile_cont(d.working_days, 0.5) FILTER (WHERE d.state = 'available')                     AS median
    FROM chk_decision d
    GROUP BY GROUPING SETS ((), (locality))
), dated AS (
    SELECT CASE e.event_kind WHEN 'assessment' THEN 'assessment' ELSE 'icpc' END AS step,
           e.event_date AS start_date,
           CASE e.event_kind WHEN 'assessment' THEN e.end_date ELSE e.second_date END AS end_date
    FROM fact.annex_a_event e, chk_params p
    WHERE e.partnership = p.partnership
      AND ((e.event_kind = 'assessment' AND e.end_date BETWEEN p.period AND p.period_end)
        OR (e.event_kind = 'section47' AND e.second_date BETWEEN p.period AND p.period_end))
), events AS (
    SELECT d.step,
           chk_working_day_state(d.start_date, d.end_date, s.holidays_known, s.unknown_index, f.unknown_index) AS state,
           (f.working_index - s.working_index)::INTEGER AS working_days
    FROM dated d
    LEFT JOIN chk_calendar s ON s.day = d.start_date
    LEFT JOIN chk_calendar f ON f.day = d.end_date
), steps AS (
    SELECT s.step, any_value(s.limit_days) AS limit_days,
           count(e.state) FILTER (WHERE e.state = 'available')                                AS available,
           count(e.state) FILTER (WHERE e.state = 'available' AND e.working_days <= s.limit_days) AS within,
           count(e.state) FILTER (WHERE e.state IN ('holidays unknown', 'out of order'))       AS not_available,
           quantile_cont(e.working_days, 0.5) FILTER (WHERE e.state = 'available')              AS median
    FROM (VALUES ('assessment', 45), ('icpc', 15)) s(step, limit_days)
    LEFT JOIN events e ON e.step = s.step
    GROUP BY s.step
)
SELECT p.period, grouping, group_value, 'decision_working_days_median', 'statistic', 'working_days',
       available, NULL, median, NULL, false FROM decisions, chk_params p
UNION ALL
SELECT p.period, grouping, group_value, 'decisions_within_limit', 'proportion', 'consultations',
       within, available, NULL, NULL, false FROM decisions, chk_params p
UNION ALL
SELECT p.period, grouping, group_value, 'decision_working_days_not_available', 'count', 'consultations',
       not_available, NULL, NULL, NULL, false FROM decisions, chk_params p
UNION ALL
SELECT p.period, grouping, group_value, 'decision_not_recorded', 'count', 'consultations',
       not_recorded, NULL, NULL, NULL, false FROM decisions, chk_params p
UNION ALL
SELECT p.period, 'partnership', p.partnership, step || '_working_days_median', 'statistic', 'working_days',
       available, NULL, median, NULL, false FROM steps, chk_params p
UNION ALL
SELECT p.period, 'partnership', p.partnership, step || '_within_' || limit_days::VARCHAR || '_working_days', 'proportion',
       CASE step WHEN 'assessment' THEN 'assessments' ELSE 'icpcs' END,
       within, available, NULL, NULL, false FROM steps, chk_params p
UNION ALL
SELECT p.period, 'partnership', p.partnership, step || '_working_days_not_available', 'count',
       CASE step WHEN 'assessment' THEN 'assessments' ELSE 'icpcs' END,
       not_available, NULL, NULL, NULL, false FROM steps, chk_params p;
