-- Retention: the children whose latest record is before the cut-off (the purge date minus the
-- retention period), per partnership. A child's latest record is the latest of: consultation
-- and decision dates; Annex A event, end and second dates; and, for an episode still open in
-- Lists 6-7 (no closure or plan end date), the end of the coverage of the return it came in -
-- the last day the council reported it open. The result lives in the temporary catalog.
INSERT INTO temp.main.governance_children
WITH days AS (
    SELECT partnership, child_key, consultation_date AS day FROM fact.consultation
    UNION ALL
    SELECT partnership, child_key, decision_date FROM fact.consultation WHERE decision_date IS NOT NULL
    UNION ALL
    SELECT partnership, child_key, event_date FROM fact.annex_a_event
    UNION ALL
    SELECT partnership, child_key, end_date FROM fact.annex_a_event WHERE end_date IS NOT NULL
    UNION ALL
    SELECT partnership, child_key, second_date FROM fact.annex_a_event WHERE second_date IS NOT NULL
    UNION ALL
    SELECT e.partnership, e.child_key, r.coverage_end
    FROM fact.annex_a_event e
    JOIN ops.annex_a_returns r ON r.return_id = e.return_id AND r.list_number = e.list_number
    WHERE e.list_number >= 6 AND e.end_date IS NULL
)
SELECT partnership, child_key
FROM days
GROUP BY partnership, child_key
HAVING max(day) < $cutoff;
