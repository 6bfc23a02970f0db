-- Conversion: the share of consultations followed, for the same child within the window
-- (consultation date to consultation date + window_days, both inclusive), by a referral
-- (Annex A List 3), an early help assessment (List 2) or a section 47 enquiry (List 5).
-- Reported for the window month (the latest month whose windows have all closed by the
-- cut-off) by partnership, locality and agency sector, over the consultations whose whole
-- window the loaded Annex A returns cover; the rest are counted as 'conversion_not_covered'.
INSERT INTO chk_measures
WITH coverage AS (
    SELECT min(coverage_start) AS coverage_start, max(coverage_end) AS coverage_end
    FROM ops.annex_a_returns WHERE partnership = (SELECT partnership FROM chk_params) AND list_number BETWEEN 1 AND 5
), reported AS (
    SELECT c.consultation_id, c.child_key, c.consultation_date, c.locality, c.agency_sector,
           c.consultation_date + p.window_days AS window_close,
           c.consultation_date + p.window_days <= p.cut_off
             AND coalesce(v.coverage_start <= c.consultation_date AND v.coverage_end >= c.consultation_date + p.window_days, false) AS eligible
    FROM chk_consultation c
    JOIN chk_params p ON c.period = p.window_period
    CROSS JOIN coverage v
), followed AS (
    SELECT r.consultation_id,
           bool_or(e.event_kind = 'referral')              AS referral,
           bool_or(e.event_kind = 'early_help_assessment') AS early_help_assessment,
           bool_or(e.event_kind = 'section47')             AS section47
    FROM reported r
    JOIN fact.annex_a_event e
      ON e.child_key = r.child_key
     AND e.event_date BETWEEN r.consultation_date AND r.window_close
    JOIN chk_params p ON e.partnership = p.partnership
     AND e.event_date BETWEEN p.window_period AND (p.window_period + INTERVAL 1 MONTH)::DATE + p.window_days
    WHERE r.eligible AND e.event_kind IN ('referral', 'early_help_assessment', 'section47')
    GROUP BY r.consultation_id
), counted AS (
    SELECT CASE WHEN GROUPING(locality) = 0 THEN 'locality' WHEN GROUPING(agency_sector) = 0 THEN 'agency_sector' ELSE 'partnership' END AS grouping,
           CASE WHEN GROUPING(locality) = 0 THEN locality WHEN GROUPING(agency_sector) = 0 THEN agency_sector
                ELSE (SELECT partnership FROM chk_params) END AS group_value,
           count(*) FILTER (WHERE eligible)                                          AS eligible,
           count(*) FILTER (WHERE NOT eligible)                                      AS not_covered,
           count(*) FILTER (WHERE eligible AND coalesce(f.referral, false))              AS referral,
           count(*) FILTER (WHERE eligible AND coalesce(f.early_help_assessment, false)) AS early_help_assessment,
           count(*) FILTER (WHERE eligible AND coalesce(f.section47, false))             AS section47
    FROM reported r LEFT JOIN followed f USING (consultation_id)
    GROUP BY GROUPING SETS ((), (locality), (agency_sector))
), with_partnership AS (
    -- The partnership row exists even when the window month has no consultations (0 over 0: [x]).
    SELECT * FROM counted
    UNION ALL
    SELECT 'partnership', (SELECT partnership FROM chk_params), 0, 0, 0, 0, 0
    WHERE NOT EXISTS (SELECT 1 FROM counted WHERE grouping = 'partnership')
)
SELECT p.window_period, grouping, group_value, m.measure, m.kind, 'consultations',
       CASE m.measure WHEN 'conversion_to_referral' THEN referral
                      WHEN 'conversion_to_early_help_assessment' THEN early_help_assessment
                      WHEN 'conversion_to_section47' THEN section47
                      ELSE not_covered END,
       CASE WHEN m.kind = 'proportion' THEN eligible END,
       NULL, NULL, false
FROM with_partnership
CROSS JOIN chk_params p
CROSS JOIN (VALUES ('conversion_to_referral', 'proportion'), ('conversion_to_early_help_assessment', 'proportion'),
                   ('conversion_to_section47', 'proportion'), ('conversion_not_covered', 'count')) m(measure, kind);
