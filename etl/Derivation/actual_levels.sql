-- The actual level of every consultation of a partnership (CONTRACT.md section 3), re-derived
-- from scratch after every load so that a new Annex A return or a later consultation file
-- changes the answer wherever it should.
--
--  1. actual_level given                                   -> that level        (recorded)
--  2. window not closed by the data cut-off                -> no level yet      (pending)
--  3. Annex A returns cover the whole window               ->                   (annex_a)
--       a confirming event for the outcome                 -> the outcome's level
--       outcome not visible in Annex A                     -> the outcome's level, raised when events show more
--       otherwise                                          -> the highest level the window's events confirm, level 1 when none
--       then: a section 47 start in the window             -> the top level
--             a child already open (List 6 / List 7)       -> at least the framework's floor for that list
--  4. otherwise                                            -> the outcome's level (implied)
--
-- Parameters: $partnership, $window_days, $cutoff (the latest date the sources cover, or the
-- date a run is given).
CREATE OR REPLACE TEMP TABLE derivation_coverage AS
SELECT min(coverage_start) AS coverage_start, max(coverage_end) AS coverage_end
FROM ops.annex_a_returns WHERE partnership = $partnership AND list_number BETWEEN 1 AND 5;

CREATE OR REPLACE TEMP TABLE derivation_events AS
SELECT c.consultation_id,
       max(cf.level_number) FILTER (WHERE cf.outcome_code = c.outcome)        AS confirmed_level,
       max(cf.level_number)                                                   AS events_level,
       bool_or(e.event_kind = 'section47')                                    AS had_section47
FROM fact.consultation c
JOIN fact.annex_a_event e
  ON e.partnership = c.partnership AND e.child_key = c.child_key
 AND e.list_number BETWEEN 2 AND 5
 AND e.event_date BETWEEN c.consultation_date AND c.consultation_date + $window_days::INTEGER
LEFT JOIN dim.outcome_confirmation cf
  ON cf.partnership = c.partnership AND cf.framework_version = c.framework_version
 AND cf.event_kind = CASE WHEN e.event_kind = 'referral' AND coalesce(e.referral_nfa, false) THEN NULL
                          WHEN e.event_kind = 'referral' THEN 'referral_not_nfa'
                          ELSE e.event_kind END
WHERE c.partnership = $partnership AND c.actual_level_recorded IS NULL
GROUP BY c.consultation_id;

CREATE OR REPLACE TEMP TABLE derivation_open AS
SELECT c.consultation_id, max(f.level_number) AS floor_level
FROM fact.consultation c
JOIN fact.annex_a_event e
  ON e.partnership = c.partnership AND e.child_key = c.child_key
 AND e.list_number IN (6, 7)
 AND e.event_date < c.consultation_date
 AND (e.end_date IS NULL OR e.end_date >= c.consultation_date)
JOIN dim.open_case_floor f
  ON f.partnership = c.partnership AND f.framework_version = c.framework_version
 AND f.list_number = e.list_number
WHERE c.partnership = $partnership AND c.actual_level_recorded IS NULL
GROUP BY c.consultation_id;

CREATE OR REPLACE TEMP TABLE derivation_base AS
SELECT c.consultation_id,
       c.actual_level_recorded,
       c.actual_level   AS current_level,
       c.actual_source  AS current_source,
       c.actual_window_end AS current_window_end,
       c.consultation_date + $window_days::INTEGER AS window_end,
       CASE WHEN c.actual_level_recorded IS NOT NULL THEN 'recorded'
            WHEN c.consultation_date + $window_days::INTEGER > $cutoff THEN 'pending'
            WHEN cov.coverage_start <= c.consultation_date
             AND cov.coverage_end >= c.consultation_date + $window_days::INTEGER THEN 'annex_a'
            ELSE 'implied' END AS source,
       o.implied_level,
       o.visible_in_annex_a,
       ev.confirmed_level,
       ev.events_level,
       coalesce(ev.had_section47, false) AS had_section47,
       op.floor_level,
       top.top_level
FROM fact.consultation c
CROSS JOIN derivation_coverage cov
JOIN dim.outcome o ON o.partnership = c.partnership AND o.framework_version = c.framework_version AND o.outcome_code = c.outcome
JOIN (SELECT framework_version, max(level_number) AS top_level FROM dim.level WHERE partnership = $partnership GROUP BY ALL) top
  ON top.framework_version = c.framework_version
LEFT JOIN derivation_events ev ON ev.consultation_id = c.consultation_id
LEFT JOIN derivation_open op ON op.consultation_id = c.consultation_id
WHERE c.partnership = $partnership
  -- A recorded level already stored as such (the load writes it so) cannot change: skipped.
  AND NOT coalesce(c.actual_level_recorded IS NOT NULL AND c.actual_source = 'recorded'
                   AND c.actual_level = c.actual_level_recorded
                   AND c.actual_window_end = c.consultation_date + $window_days::INTEGER, false);

CREATE OR REPLACE TEMP TABLE derivation_result AS
SELECT * FROM (
    SELECT consultation_id, window_end, source, current_level, current_source, current_window_end,
           CASE source
               WHEN 'recorded' THEN actual_level_recorded
               WHEN 'pending' THEN NULL
               WHEN 'implied' THEN implied_level
               ELSE greatest(
                        CASE WHEN had_section47 THEN top_level
                             WHEN confirmed_level IS NOT NULL THEN implied_level
                             WHEN NOT visible_in_annex_a THEN greatest(implied_level, coalesce(events_level, 1))
                             ELSE coalesce(events_level, 1) END,
                        coalesce(floor_level, 1))
           END AS level
    FROM derivation_base)
WHERE current_source IS DISTINCT FROM source
   OR current_window_end IS DISTINCT FROM window_end
   OR current_level IS DISTINCT FROM level;

-- Only the consultations whose answer changed are written: an update costs far more than a read.
UPDATE fact.consultation c SET
    actual_window_end = r.window_end,
    actual_source = r.source,
    actual_level = r.level
FROM derivation_result r
WHERE c.partnership = $partnership AND c.consultation_id = r.consultation_id;
