-- Annex A, step 2 (inside the file's transaction). A return is a snapshot of its period: list by
-- list, it replaces the partnership's events inside its coverage that came from returns whose
-- coverage ends no later, and never overwrites a return whose coverage ends later. So the
-- final state is the same whatever order returns are loaded in.
-- Lists 1–5: events inside the coverage. Lists 6–7: episodes, matched by child and start date.
INSERT INTO ops.annex_a_returns
SELECT $return_id, $partnership, list_number, $coverage_start, $coverage_end, $loaded_at
FROM (SELECT DISTINCT list_number FROM staging.annex_final);

DELETE FROM fact.annex_a_event ev
USING ops.annex_a_returns r
WHERE ev.partnership = $partnership AND r.partnership = $partnership
  AND ev.return_id = r.return_id AND ev.list_number = r.list_number
  AND r.return_id <> $return_id
  AND r.coverage_end <= $coverage_end
  AND ev.list_number IN (SELECT DISTINCT list_number FROM staging.annex_final)
  AND (   (ev.list_number <= 5 AND ev.event_date BETWEEN $coverage_start AND $coverage_end)
       OR (ev.list_number >= 6 AND EXISTS (SELECT 1 FROM staging.annex_final f
                                           WHERE f.list_number = ev.list_number AND f.child_key = ev.child_key AND f.event_date = ev.event_date)));

INSERT INTO fact.annex_a_event BY NAME
SELECT f.partnership, f.return_id, f.list_number, f.event_kind, f.child_key, f.event_date, f.end_date, f.second_date,
       f.source_code, f.referral_nfa, f.requires_support, f.sex, f.ethnicity, f.birth_month, f.sheet, f.source_row
FROM staging.annex_final f
WHERE f.child_key NOT IN (SELECT child_key FROM ops.erased_children WHERE partnership = $partnership)
  AND NOT EXISTS (
      SELECT 1 FROM ops.annex_a_returns newer
      WHERE newer.partnership = $partnership AND newer.list_number = f.list_number
        AND newer.coverage_end > $coverage_end AND newer.return_id <> $return_id
        AND (   (f.list_number <= 5 AND f.event_date BETWEEN newer.coverage_start AND newer.coverage_end)
             OR (f.list_number >= 6 AND EXISTS (SELECT 1 FROM fact.annex_a_event ev
                                                WHERE ev.return_id = newer.return_id AND ev.list_number = f.list_number
                                                  AND ev.child_key = f.child_key AND ev.event_date = f.event_date))));

INSERT INTO ops.rejects
SELECT $file_id, $partnership, $file_name, $sha256, e.sheet, e.source_row, e.column_name, e.value, e.reason
FROM staging.annex_errors e;

INSERT INTO ops.data_quality_warnings
SELECT $file_id, $partnership, w.sheet, w.source_row, w.column_name, w.value, w.reason
FROM staging.annex_warnings w;
