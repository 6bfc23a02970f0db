-- Consultations, step 5 (inside the file's transaction): every rejected row is kept with its
-- reasons, whether or not the rest of the file loads. Child ids are never shown raw.
INSERT INTO ops.rejects
SELECT $file_id, $partnership, $file_name, $sha256, NULL, e.source_row, e.column_name,
       CASE WHEN e.column_name IN ('child_id', 'date_of_birth') THEN NULL ELSE e.value END,
       e.reason
FROM staging.errors e;
