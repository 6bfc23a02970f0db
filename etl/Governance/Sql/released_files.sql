-- Retention: the child-level source files (consultations, Annex A) whose rejects and warnings go
-- with a purge. Rejects hold no child key, so they cannot follow a child: a file's rejects and
-- warnings are deleted only when the file no longer supplies any row to the warehouse and
-- either this purge removed its last rows, or it was loaded before the cut-off (its rows were
-- all replaced by later files, or it was refused whole) - a file that still supplies rows
-- about a child inside the retention period keeps its rejects.
INSERT INTO temp.main.governance_files
SELECT f.file_id
FROM ops.loaded_files f
WHERE f.kind IN ('consultations', 'annex_a', 'annex_a_list')
  AND NOT EXISTS (SELECT 1 FROM fact.consultation c WHERE c.file_id = f.file_id)
  AND NOT EXISTS (SELECT 1 FROM fact.annex_a_event e WHERE e.return_id = f.file_id)
  AND (   f.file_id IN (SELECT file_id FROM temp.main.governance_touched)
       OR CAST(f.loaded_at AS DATE) < $cutoff)
  AND (   EXISTS (SELECT 1 FROM ops.rejects r WHERE r.file_id = f.file_id)
       OR EXISTS (SELECT 1 FROM ops.data_quality_warnings w WHERE w.file_id = f.file_id));
