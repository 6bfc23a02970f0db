-- Volumes (month M): consultations by recommended level, outcome, locality, area, agency sector
-- and caller agency, with the mix by recommended level and outcome as shares; rates per 10,000
-- children aged 0-17 (dim.locality.population_0_17) for the partnership, each area and each
-- locality; and, for each month of the trend, consultations and the source of their actual
-- level at the cut-off. Groups in the reference data appear with 0 when the month has none.
INSERT INTO chk_measures
WITH month_rows AS (
    SELECT c.*, coalesce(c.recommended_recorded::VARCHAR, 'not recorded') AS recommended_group
    FROM chk_consultation c JOIN chk_params p ON c.period = p.period
), counted AS (
    SELECT CASE WHEN GROUPING(recommended_group) = 0 THEN 'recommended_level'
                WHEN GROUPING(outcome) = 0           THEN 'outcome'
                WHEN GROUPING(locality) = 0          THEN 'locality'
                WHEN GROUPING(area) = 0              THEN 'area'
                WHEN GROUPING(agency_sector) = 0     THEN 'agency_sector'
                WHEN GROUPING(caller_agency) = 0     THEN 'caller_agency'
                ELSE 'partnership' END AS grouping,
           CASE WHEN GROUPING(recommended_group) = 0 THEN recommended_group
                WHEN GROUPING(outcome) = 0           THEN outcome
                WHEN GROUPING(locality) = 0          THEN locality
                WHEN GROUPING(area) = 0              THEN area
                WHEN GROUPING(agency_sector) = 0     THEN agency_sector
                WHEN GROUPING(caller_agency) = 0     THEN caller_agency
                ELSE (SELECT partnership FROM chk_params) END AS group_value,
           count(*)::BIGINT AS consultations
    FROM month_rows
    GROUP BY GROUPING SETS ((), (recommended_group), (outcome), (locality), (area), (agency_sector), (caller_agency))
), listed AS (
    SELECT 'partnership' AS grouping, partnership AS group_value FROM chk_params
    UNION ALL SELECT 'recommended_level', unnest(['1', '2', '3', '4', 'not recorded'])
    UNION ALL SELECT 'outcome', outcome_code FROM dim.outcome WHERE partnership = (SELECT partnership FROM chk_params)
    UNION ALL SELECT 'locality', locality_code FROM dim.locality WHERE partnership = (SELECT partnership FROM chk_params)
    UNION ALL SELECT 'area', area FROM dim.locality WHERE partnership = (SELECT partnership FROM chk_params)
    UNION ALL SELECT 'agency_sector', sector FROM dim.agency WHERE partnership = (SELECT partnership FROM chk_params)
    UNION ALL SELECT 'caller_agency', agency_code FROM dim.agency WHERE partnership = (SELECT partnership FROM chk_params)
), groups AS (
    SELECT DISTINCT grouping, group_value FROM (SELECT * FROM listed UNION ALL SELECT grouping, group_value FROM counted)
), volumes AS (
    SELECT g.grouping, g.group_value, coalesce(n.consultations, 0)::BIGINT AS consultations
    FROM groups g LEFT JOIN counted n USING (grouping, group_value)
), populations AS (
    SELECT 'locality' AS grouping, locality_code AS group_value, population_0_17 AS population
    FROM dim.locality WHERE partnership = (SELECT partnership FROM chk_params)
    UNION ALL
    SELECT 'area', area, CASE WHEN count(population_0_17) = count(*) THEN sum(population_0_17) END
    FROM dim.locality WHERE partnership = (SELECT partnership FROM chk_params) GROUP BY area
    UNION ALL
    SELECT 'partnership', (SELECT partnership FROM chk_params),
           CASE WHEN count(population_0_17) = count(*) AND count(*) > 0 THEN sum(population_0_17) END
    FROM dim.locality WHERE partnership = (SELECT partnership FROM chk_params)
), total AS (
    SELECT consultations FROM volumes WHERE grouping = 'partnership'
)
SELECT p.period, v.grouping, v.group_value, 'consultations', 'count', 'consultations', v.consultations, NULL, NULL, NULL, false
FROM volumes v, chk_params p
UNION ALL
SELECT p.period, v.grouping, v.group_value, 'share_of_consultations', 'proportion', 'consultations',
       v.consultations, t.consultations, NULL, NULL, false
FROM volumes v, total t, chk_params p
WHERE v.grouping IN ('recommended_level', 'outcome')
UNION ALL
SELECT p.period, v.grouping, v.group_value, 'consultations_per_10000_children', 'rate_per_10000', 'per_10000',
       v.consultations, pop.population::BIGINT, NULL, NULL, false
FROM volumes v
JOIN populations pop USING (grouping, group_value)
CROSS JOIN chk_params p;

-- The trend: consultations per month, and where their actual levels came from at the cut-off.
INSERT INTO chk_measures
WITH sources AS (
    SELECT unnest(['recorded', 'annex_a', 'implied', 'pending', 'not derived']) AS source
), by_source AS (
    SELECT c.period,
           CASE WHEN c.is_pending THEN 'pending' ELSE coalesce(c.actual_source, 'not derived') END AS source,
           count(*)::BIGINT AS consultations
    FROM chk_history c JOIN chk_months m ON m.period = c.period AND m.for_agreement
    GROUP BY ALL
)
SELECT m.period, 'month', m.label, 'consultations', 'count', 'consultations', m.consultations, NULL, NULL, NULL, false
FROM chk_month_status m WHERE m.in_trend
UNION ALL
SELECT m.period, 'actual_source', s.source, 'consultations', 'count', 'consultations',
       coalesce(b.consultations, 0), NULL, NULL, NULL, false
FROM chk_month_status m
CROSS JOIN sources s
LEFT JOIN by_source b ON b.period = m.period AND b.source = s.source
WHERE m.for_agreement;
