-- The population of an audit sample (docs/audit.md): the month's assessable consultations, each
-- with its agreement category (recommended -> actual) and stratum. The definitions are the check
-- runs' (Runs/Sql/scope.sql), so that an audit samples exactly the consultations the headline
-- measures count:
--   recommended  recorded by the front door (recommended_implied = false);
--   actual       assessable: recorded, or Annex A-derived with its window closed by the cut-off;
--   cut-off      given, or the latest date the loaded sources cover (consultations, Annex A).
-- Categories: serious_under (recommended at the top level, actual at or below the second), then
-- agreed, over (actual above recommended), under (below).
--
-- Parameters: $partnership, $period (first day of the month), $cut_off (NULL: derive), $window_days.

CREATE OR REPLACE TEMP TABLE aud_params AS
SELECT $partnership::VARCHAR                         AS partnership,
       $period::DATE                                 AS period,
       ($period::DATE + INTERVAL 1 MONTH)::DATE - 1  AS period_end,
       coalesce($cut_off::DATE,
                greatest((SELECT max(c.consultation_date) FROM fact.consultation c WHERE c.partnership = $partnership),
                         (SELECT max(r.coverage_end) FROM ops.annex_a_returns r WHERE r.partnership = $partnership)),
                ($period::DATE + INTERVAL 1 MONTH)::DATE - 1) AS cut_off,
       $window_days::INTEGER                         AS window_days,
       4                                             AS top_level;

CREATE OR REPLACE TEMP TABLE aud_population AS
WITH seen AS (
    SELECT c.consultation_id,
           c.locality,
           c.recommended_level,
           coalesce(c.actual_source, CASE WHEN c.actual_level_recorded IS NOT NULL THEN 'recorded' END) AS source,
           c.actual_level_recorded,
           c.actual_level,
           coalesce(c.actual_window_end, c.consultation_date + p.window_days) AS window_end,
           p.cut_off,
           p.top_level
    FROM fact.consultation c
    JOIN aud_params p ON c.partnership = p.partnership
    WHERE c.consultation_date BETWEEN p.period AND least(p.period_end, p.cut_off)
      AND NOT c.recommended_implied
      AND c.recommended_level BETWEEN 1 AND 4
), assessable AS (
    SELECT consultation_id, locality, recommended_level, source, top_level,
           CASE WHEN source = 'recorded' THEN coalesce(actual_level_recorded, actual_level)
                WHEN source = 'annex_a' AND window_end <= cut_off THEN actual_level
           END AS actual_level
    FROM seen
), categorised AS (
    SELECT consultation_id, locality, recommended_level, actual_level, source AS actual_source,
           CASE WHEN recommended_level = top_level AND actual_level <= 2 THEN 'serious_under'
                WHEN actual_level = recommended_level THEN 'agreed'
                WHEN actual_level > recommended_level THEN 'over'
                ELSE 'under' END AS category
    FROM assessable
    WHERE actual_level BETWEEN 1 AND 4
)
SELECT consultation_id, locality, category, locality || '/' || category AS stratum,
       recommended_level, actual_level, actual_source
FROM categorised;
