-- What a run saw, so that its results can be traced to their data: the loaded files of the
-- partnership (ops.loaded_files), the row counts of the tables it read, the consultations by the
-- source of their actual level (all of the partnership's, as stored; and those of the months
-- the run reports, at the run's cut-off), and the framework versions of those consultations.
INSERT INTO analytics.run_inputs
SELECT p.run_id, 'file', f.file_name, f.kind, f.sha256, f.loaded_at, f.rows_loaded
FROM ops.loaded_files f, chk_params p
WHERE f.partnership = p.partnership AND f.outcome = 'loaded';

INSERT INTO analytics.run_inputs
SELECT p.run_id, 'table', t.name, NULL, NULL, NULL, t.row_count
FROM chk_params p, (
    SELECT 'fact.consultation' AS name, count(*)::BIGINT AS row_count
    FROM fact.consultation WHERE partnership = getvariable('chk_partnership')
    UNION ALL
    SELECT 'fact.consultation_indicator', count(*)::BIGINT
    FROM fact.consultation_indicator WHERE partnership = getvariable('chk_partnership')
    UNION ALL
    SELECT 'fact.annex_a_event', count(*)::BIGINT
    FROM fact.annex_a_event WHERE partnership = getvariable('chk_partnership')
    UNION ALL
    SELECT 'fact.audit_judgement', count(*)::BIGINT
    FROM fact.audit_judgement WHERE partnership = getvariable('chk_partnership')
    UNION ALL
    SELECT 'ops.annex_a_returns', count(*)::BIGINT
    FROM ops.annex_a_returns WHERE partnership = getvariable('chk_partnership')
) t;

INSERT INTO analytics.run_inputs
SELECT p.run_id, 'actual_source', coalesce(c.actual_source, 'not derived'), 'all', NULL, NULL, count(*)::BIGINT
FROM fact.consultation c, chk_params p
WHERE c.partnership = getvariable('chk_partnership')
GROUP BY ALL;

INSERT INTO analytics.run_inputs
SELECT p.run_id, 'actual_source', CASE WHEN c.is_pending THEN 'pending' ELSE coalesce(c.actual_source, 'not derived') END,
       'analysed', NULL, NULL, count(*)::BIGINT
FROM chk_history c
JOIN chk_months m ON m.period = c.period AND m.for_agreement
CROSS JOIN chk_params p
GROUP BY ALL;

INSERT INTO analytics.run_inputs
SELECT p.run_id, 'framework_version', c.framework_version, NULL, NULL, NULL, count(*)::BIGINT
FROM chk_history c
JOIN chk_months m ON m.period = c.period
CROSS JOIN chk_params p
GROUP BY ALL;
