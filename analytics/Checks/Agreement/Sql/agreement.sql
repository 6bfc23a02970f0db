-- Agreement between two views of the level, for every comparison (reference -> compared) and
-- group: the 4x4 matrices of counts (chk_cells, always all 16 cells) and the consultations each
-- comparison could not use, by reason. Reads the scope's tables and views (Runs/Sql/scope.sql).
--
-- A comparison counts a consultation only when both views exist (METRICS.md); for the views
-- that need it, that means:
--   recommended  recorded by the front door (recommended_implied = false): an implied level is
--                the outcome's level, not a reading of the thresholds;
--   actual       assessable: recorded, or Annex A-derived with its window closed by the cut-off;
--   audited      the latest audit judgement of the consultation.
-- Each consultation that is not counted gets one reason: the reference view's first, then the
-- compared view's, so the reasons add up to the consultations not counted.

CREATE OR REPLACE TEMP TABLE chk_comparisons AS
SELECT * FROM (VALUES
    (1, 'caller_to_recommended',    false),
    (2, 'recommended_to_actual',    true),
    (3, 'indicated_to_recommended', false),
    (4, 'audited_to_recommended',   false),
    (5, 'audited_to_actual',        true)
) t(ordinal, comparison, uses_actual);

-- The levels of the reported months in the fewest rows: one per month and combination of levels
-- (a few thousand rows for 13 months), so that the trend and the not-assessable counts cost one
-- narrow pass over the consultations.
CREATE OR REPLACE TEMP TABLE chk_trend_levels AS
SELECT h.period, h.caller_level, h.recommended_recorded, h.indicated_level, u.audited_level,
       h.actual_level, h.actual_reason, count(*)::BIGINT AS consultations
FROM chk_history h
JOIN chk_months m ON m.period = h.period AND m.for_agreement
LEFT JOIN chk_audit u ON u.consultation_id = h.consultation_id
GROUP BY ALL;

-- Each comparison's (reference, compared) levels, or the reason it cannot count the consultation.
CREATE OR REPLACE TEMP MACRO chk_compare(comparison, caller_level, recommended_recorded, indicated_level, audited_level, actual_level, actual_reason) AS
    CASE comparison
        WHEN 'caller_to_recommended' THEN {'reference': caller_level, 'compared': recommended_recorded,
            'reason': CASE WHEN caller_level IS NULL THEN 'no caller level recorded'
                           WHEN recommended_recorded IS NULL THEN 'no recommended level recorded' END}
        WHEN 'recommended_to_actual' THEN {'reference': recommended_recorded, 'compared': actual_level,
            'reason': CASE WHEN recommended_recorded IS NULL THEN 'no recommended level recorded' ELSE actual_reason END}
        WHEN 'indicated_to_recommended' THEN {'reference': indicated_level, 'compared': recommended_recorded,
            'reason': CASE WHEN indicated_level IS NULL THEN 'no indicated level'
                           WHEN recommended_recorded IS NULL THEN 'no recommended level recorded' END}
        WHEN 'audited_to_recommended' THEN {'reference': audited_level, 'compared': recommended_recorded,
            'reason': CASE WHEN audited_level IS NULL THEN 'not audited'
                           WHEN recommended_recorded IS NULL THEN 'no recommended level recorded' END}
        WHEN 'audited_to_actual' THEN {'reference': audited_level, 'compared': actual_level,
            'reason': CASE WHEN audited_level IS NULL THEN 'not audited' ELSE actual_reason END}
    END;

-- A pair outside the four levels is not counted (the loaders reject such levels; this keeps the
-- accounting whole if one ever gets through).
CREATE OR REPLACE TEMP MACRO chk_reason(pair) AS
    coalesce(struct_extract(pair, 'reason'),
             CASE WHEN struct_extract(pair, 'reference') NOT BETWEEN 1 AND 4 OR struct_extract(pair, 'compared') NOT BETWEEN 1 AND 4
                  THEN 'level outside 1-4' END);

CREATE OR REPLACE TEMP VIEW chk_trend_pairs AS
SELECT period, comparison, struct_extract(pair, 'reference') AS reference_level, struct_extract(pair, 'compared') AS compared_level,
       chk_reason(pair) AS reason, consultations
FROM (SELECT t.period, k.comparison, t.consultations,
             chk_compare(k.comparison, t.caller_level, t.recommended_recorded, t.indicated_level,
                         t.audited_level, t.actual_level, t.actual_reason) AS pair
      FROM chk_trend_levels t CROSS JOIN chk_comparisons k);

-- The consistency month's pairs with every grouping column.
CREATE OR REPLACE TEMP VIEW chk_pairs AS
SELECT comparison, struct_extract(pair, 'reference') AS reference_level, struct_extract(pair, 'compared') AS compared_level,
       chk_reason(pair) AS reason,
       consultation_id, period, locality, area, caller_agency, agency_sector, team, age_band, sex, ethnicity_group, disability
FROM (SELECT k.comparison,
             chk_compare(k.comparison, c.caller_level, c.recommended_recorded, c.indicated_level,
                         c.audited_level, c.actual_level, c.actual_reason) AS pair,
             c.consultation_id, c.period, c.locality, c.area, c.caller_agency, c.agency_sector, c.team,
             c.age_band, c.sex, c.ethnicity_group, c.disability
      FROM chk_consultation c
      JOIN chk_params p ON c.period = p.consistency_period
      CROSS JOIN chk_comparisons k);

-- Every group a comparison reports, with the month it covers: for the consistency month, each
-- grouping's values from the reference data and fixed code lists (so an empty group is reported
-- with N = 0) plus any value the data holds; for the trend, one group per month.
CREATE OR REPLACE TEMP TABLE chk_groups AS
WITH listed AS (
    SELECT 'partnership' AS grouping, partnership AS group_value FROM chk_params
    UNION ALL SELECT 'locality', locality_code FROM dim.locality WHERE partnership = (SELECT partnership FROM chk_params)
    UNION ALL SELECT 'area', area FROM dim.locality WHERE partnership = (SELECT partnership FROM chk_params)
    UNION ALL SELECT 'caller_agency', agency_code FROM dim.agency WHERE partnership = (SELECT partnership FROM chk_params)
    UNION ALL SELECT 'agency_sector', sector FROM dim.agency WHERE partnership = (SELECT partnership FROM chk_params)
    UNION ALL SELECT 'age_band', unnest(['unborn', 'under 1', '1-4', '5-9', '10-15', '16 and over'])
    UNION ALL SELECT 'sex', unnest(['M', 'F', 'U'])
    UNION ALL SELECT 'ethnicity_group', unnest(['White', 'Mixed', 'Asian', 'Black', 'Other', 'Not known'])
    UNION ALL SELECT 'disability', unnest(['yes', 'no'])
), observed AS (
    SELECT grouping, group_value
    FROM (SELECT c.locality, c.area, c.caller_agency, c.agency_sector, c.team, c.age_band, c.sex, c.ethnicity_group, c.disability
          FROM chk_consultation c JOIN chk_params p ON c.period = p.consistency_period)
    UNPIVOT (group_value FOR grouping IN (locality, area, caller_agency, agency_sector, team, age_band, sex, ethnicity_group, disability))
)
SELECT DISTINCT g.grouping, g.group_value, p.consistency_period AS period
FROM (SELECT * FROM listed UNION ALL SELECT * FROM observed) g, chk_params p
WHERE p.consistency_period IS NOT NULL
UNION ALL
SELECT 'month', label, period FROM chk_months WHERE in_trend;

CREATE OR REPLACE TEMP TABLE chk_cells AS
WITH pairs AS (
    SELECT * FROM chk_pairs WHERE reason IS NULL
), consistency AS (
    SELECT comparison, reference_level, compared_level,
           CASE WHEN GROUPING(locality) = 0        THEN 'locality'
                WHEN GROUPING(area) = 0            THEN 'area'
                WHEN GROUPING(caller_agency) = 0   THEN 'caller_agency'
                WHEN GROUPING(agency_sector) = 0   THEN 'agency_sector'
                WHEN GROUPING(team) = 0            THEN 'team'
                WHEN GROUPING(age_band) = 0        THEN 'age_band'
                WHEN GROUPING(sex) = 0             THEN 'sex'
                WHEN GROUPING(ethnicity_group) = 0 THEN 'ethnicity_group'
                WHEN GROUPING(disability) = 0      THEN 'disability'
                ELSE 'partnership' END AS grouping,
           CASE WHEN GROUPING(locality) = 0        THEN locality
                WHEN GROUPING(area) = 0            THEN area
                WHEN GROUPING(caller_agency) = 0   THEN caller_agency
                WHEN GROUPING(agency_sector) = 0   THEN agency_sector
                WHEN GROUPING(team) = 0            THEN team
                WHEN GROUPING(age_band) = 0        THEN age_band
                WHEN GROUPING(sex) = 0             THEN sex
                WHEN GROUPING(ethnicity_group) = 0 THEN ethnicity_group
                WHEN GROUPING(disability) = 0      THEN disability
                ELSE any_value(p.partnership) END AS group_value,
           count(*)::BIGINT AS count
    FROM pairs x CROSS JOIN chk_params p
    GROUP BY GROUPING SETS (
        (comparison, reference_level, compared_level),
        (comparison, reference_level, compared_level, locality),
        (comparison, reference_level, compared_level, area),
        (comparison, reference_level, compared_level, caller_agency),
        (comparison, reference_level, compared_level, agency_sector),
        (comparison, reference_level, compared_level, team),
        (comparison, reference_level, compared_level, age_band),
        (comparison, reference_level, compared_level, sex),
        (comparison, reference_level, compared_level, ethnicity_group),
        (comparison, reference_level, compared_level, disability))
), trend AS (
    SELECT x.comparison, x.reference_level, x.compared_level, 'month' AS grouping, m.label AS group_value, sum(x.consultations)::BIGINT AS count
    FROM chk_trend_pairs x JOIN chk_months m ON x.period = m.period AND m.in_trend
    WHERE x.reason IS NULL
    GROUP BY ALL
), counted AS (
    SELECT * FROM consistency UNION ALL SELECT * FROM trend
), levels AS (
    SELECT range::INTEGER AS level FROM range(1, 5)
)
SELECT k.ordinal, k.comparison, k.uses_actual, g.period, g.grouping, g.group_value,
       r.level AS reference_level, c.level AS compared_level,
       coalesce(n.count, 0)::BIGINT AS count
FROM chk_comparisons k
CROSS JOIN chk_groups g
CROSS JOIN levels r
CROSS JOIN levels c
LEFT JOIN counted n
       ON n.comparison = k.comparison AND n.grouping = g.grouping AND n.group_value = g.group_value
      AND n.reference_level = r.level AND n.compared_level = c.level;

INSERT INTO analytics.agreement_matrix
SELECT p.run_id, c.comparison, c.period, c.grouping, c.group_value, c.reference_level, c.compared_level, c.count
FROM chk_cells c, chk_params p;

INSERT INTO analytics.not_assessable
SELECT p.run_id, x.comparison, x.period, x.reason, sum(x.consultations)::BIGINT
FROM chk_trend_pairs x
CROSS JOIN chk_params p
WHERE x.reason IS NOT NULL
GROUP BY ALL;
