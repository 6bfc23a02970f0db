-- Consultations, step 4 (inside the file's transaction): a consultation that comes again
-- replaces its earlier version; rejects are kept with their reasons.
DELETE FROM fact.consultation_indicator
WHERE partnership = $partnership AND consultation_id IN (SELECT consultation_id FROM staging.final);

DELETE FROM fact.consultation
WHERE partnership = $partnership AND consultation_id IN (SELECT consultation_id FROM staging.final);

INSERT INTO fact.consultation BY NAME
SELECT f.* EXCLUDE (indicators),
       i.level AS indicated_level, i.rule AS indicated_rule, i.borderline AS indicated_borderline,
       CASE WHEN i.behind IS NULL THEN NULL ELSE string_split(i.behind, ';') END AS indicated_indicators
FROM staging.final f
JOIN staging.indicated i USING (consultation_id)
WHERE f.child_key NOT IN (SELECT child_key FROM ops.erased_children WHERE partnership = $partnership);

INSERT INTO fact.consultation_indicator
SELECT DISTINCT partnership, consultation_id, trim(code)
FROM (SELECT f.partnership, f.consultation_id, unnest(string_split(f.indicators, ';')) AS code
      FROM staging.final f
      WHERE f.indicators IS NOT NULL
        AND f.child_key NOT IN (SELECT child_key FROM ops.erased_children WHERE partnership = $partnership))
WHERE trim(code) <> '';
