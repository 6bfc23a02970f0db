-- Consultations, step 4 (inside the file's transaction): a consultation that comes again
-- replaces its earlier version (staging.replaced, found in step 3); rejects are kept with their reasons.
DELETE FROM fact.consultation_indicator
WHERE partnership = $partnership AND consultation_id IN (SELECT consultation_id FROM staging.replaced);

DELETE FROM fact.consultation
WHERE partnership = $partnership AND consultation_id IN (SELECT consultation_id FROM staging.replaced);

-- A recorded actual level is the answer whatever else is loaded (CONTRACT.md section 3), so it is
-- written now; the derivation after the load fills in the rest and then has only those rows to update.
INSERT INTO fact.consultation BY NAME
SELECT $partnership AS partnership, $file_id AS file_id, f.* EXCLUDE (indicators),
       f.actual_level_recorded AS actual_level,
       CASE WHEN f.actual_level_recorded IS NOT NULL THEN 'recorded' END AS actual_source,
       CASE WHEN f.actual_level_recorded IS NOT NULL THEN f.consultation_date + $window_days::INTEGER END AS actual_window_end
FROM staging.final f
WHERE f.child_key NOT IN (SELECT child_key FROM ops.erased_children WHERE partnership = $partnership);

-- Each consultation's codes, once each, in one pass over the file's rows. A DISTINCT over every code
-- of the file costs a hash table as large as the file, so only the lists that name a code twice (the
-- level engine's 'R', the indication's third character; usually none) are made distinct, each alone.
INSERT INTO fact.consultation_indicator
SELECT $partnership, consultation_id, trim(code)
FROM (SELECT o.consultation_id,
             unnest(CASE WHEN o.indication[3] = 'R'
                         THEN list_distinct(list_transform(string_split(o.indicators, ';'), c -> trim(c)))
                         ELSE string_split(o.indicators, ';') END) AS code
      FROM staging.ok o
      WHERE o.indicators IS NOT NULL
        AND o.child_key NOT IN (SELECT child_key FROM ops.erased_children WHERE partnership = $partnership))
WHERE trim(code) <> '';
