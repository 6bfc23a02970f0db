-- Consultations, step 2: every broken rule becomes a reject row (source_row, column, value,
-- reason). A row with any reject is not loaded. Values are shown as the person typed them,
-- except the child id (pseudonymised) and the date of birth (never shown).
-- staging.level_map was filled by C# with the framework's answers; the level engine's answer in the
-- parse step (indication, packed as LevelEngineFunction says) names the unknown indicator codes.
CREATE TABLE staging.errors AS
WITH
valid_sources AS (
    SELECT unnest(['1A','1B','1C','1D','2A','2B','3A','3B','3C','3D','3E','3F','4','5A','5B','5C','5D','6','7','8','9','10']) AS code
),
-- Repeated ids first (a plain count), then the row lists for those alone: an ordered string_agg
-- over every id of the file took longer than the rest of the validation put together.
repeated_ids AS (
    SELECT consultation_id FROM staging.versioned WHERE consultation_id IS NOT NULL
    GROUP BY consultation_id HAVING count(*) > 1
),
duplicates AS (
    SELECT consultation_id, count(*) AS copies, string_agg(source_row::VARCHAR, ', ' ORDER BY source_row) AS rows_list
    FROM staging.versioned SEMI JOIN repeated_ids USING (consultation_id)
    GROUP BY consultation_id
),
localities AS (SELECT locality_code FROM dim.locality WHERE partnership = $partnership),
agencies AS (SELECT agency_code FROM dim.agency WHERE partnership = $partnership),
outcomes AS (SELECT framework_version, outcome_code, needs_consent FROM dim.outcome WHERE partnership = $partnership)
-- Required values
SELECT source_row, 'consultation_id' AS column_name, NULL AS value, 'consultation_id is blank: every consultation needs its id' AS reason
FROM staging.versioned WHERE consultation_id IS NULL
UNION ALL
SELECT v.source_row, 'consultation_id', v.consultation_id,
       'consultation_id ''' || v.consultation_id || ''' appears ' || d.copies || ' times in this file (rows ' || d.rows_list || '); every copy is rejected: keep one'
FROM staging.versioned v JOIN duplicates d USING (consultation_id)
UNION ALL
SELECT source_row, 'child_id', NULL, 'child_id is blank: every consultation needs the child''s identifier'
FROM staging.versioned WHERE child_id_blank
UNION ALL
SELECT source_row, 'consultation_date', consultation_date, 'consultation_date is blank'
FROM staging.versioned WHERE consultation_date IS NULL
UNION ALL
SELECT source_row, 'consultation_date', consultation_date,
       'consultation_date ''' || consultation_date || ''' is not a date (use YYYY-MM-DD, YYYY-MM-DDTHH:MM or DD/MM/YYYY)'
FROM staging.versioned WHERE consultation_date IS NOT NULL AND consultation_at IS NULL
UNION ALL
SELECT source_row, 'consultation_date', consultation_date,
       'consultation_date ''' || consultation_date || ''' is in the future (after ' || strftime($today, '%Y-%m-%d') || ')'
FROM staging.versioned WHERE consultation_at::DATE > $today
UNION ALL
SELECT source_row, 'consultation_date', consultation_date, 'consultation_date ''' || consultation_date || ''' is before 2000-01-01'
FROM staging.versioned WHERE consultation_at < TIMESTAMP '2000-01-01'
UNION ALL
SELECT source_row, 'consultation_date', consultation_date,
       'no version of the ' || $partnership || ' framework is in force on ' || strftime(consultation_at, '%Y-%m-%d') || ': add the framework version that covers it'
FROM staging.versioned WHERE consultation_at IS NOT NULL AND consultation_at >= TIMESTAMP '2000-01-01' AND consultation_at::DATE <= $today AND framework_version IS NULL
UNION ALL
SELECT source_row, 'locality', locality, 'locality is blank' FROM staging.versioned WHERE locality IS NULL
UNION ALL
SELECT source_row, 'locality', locality,
       'locality ''' || locality || ''' is not a locality of ' || $partnership || ' (expected one of ' || (SELECT string_agg(locality_code, ', ' ORDER BY locality_code) FROM localities) || ')'
FROM staging.versioned WHERE locality IS NOT NULL AND locality_code NOT IN (SELECT locality_code FROM localities)
UNION ALL
SELECT source_row, 'caller_agency', caller_agency, 'caller_agency is blank' FROM staging.versioned WHERE caller_agency IS NULL
UNION ALL
SELECT source_row, 'caller_agency', caller_agency,
       'caller_agency ''' || caller_agency || ''' is not an agency code of the reference data (for example POLICE, SCHOOL, GP, HEALTH_VISITOR)'
FROM staging.versioned WHERE caller_agency IS NOT NULL AND agency_code NOT IN (SELECT agency_code FROM agencies)
UNION ALL
SELECT source_row, 'outcome', outcome, 'outcome is blank' FROM staging.versioned WHERE outcome IS NULL
UNION ALL
SELECT v.source_row, 'outcome', v.outcome,
       'outcome ''' || v.outcome || ''' is not an outcome code of the ' || $partnership || ' framework (expected one of ' ||
       (SELECT string_agg(DISTINCT outcome_code, ', ' ORDER BY outcome_code) FROM outcomes) || ')'
FROM staging.versioned v
WHERE v.outcome IS NOT NULL AND v.framework_version IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM outcomes o WHERE o.framework_version = v.framework_version AND o.outcome_code = v.outcome_code)
-- Optional values that must be readable when present
UNION ALL
SELECT source_row, 'decision_date', decision_date,
       'decision_date ''' || decision_date || ''' is not a date (use YYYY-MM-DD, YYYY-MM-DDTHH:MM or DD/MM/YYYY)'
FROM staging.versioned WHERE decision_date IS NOT NULL AND decision_at IS NULL
UNION ALL
SELECT source_row, 'decision_date', decision_date,
       'decision_date ''' || decision_date || ''' is before consultation_date ''' || consultation_date || ''''
FROM staging.versioned WHERE decision_at IS NOT NULL AND consultation_at IS NOT NULL AND decision_at::DATE < consultation_at::DATE
UNION ALL
SELECT source_row, 'date_of_birth', NULL,
       'date_of_birth is not a date (value not shown: dates of birth are never stored); use YYYY-MM-DD or DD/MM/YYYY'
FROM staging.versioned WHERE birth_unreadable
UNION ALL
SELECT source_row, 'sex', sex, 'sex ''' || sex || ''' is not M, F or U' FROM staging.versioned WHERE sex IS NOT NULL AND sex_code IS NULL
UNION ALL
SELECT source_row, 'ethnicity', ethnicity, 'ethnicity ''' || ethnicity || ''' is not a CIN census ethnicity code (WBRI, WIRI, WIRT, WOTH, WROM, MWBC, MWBA, MWAS, MOTH, AIND, APKN, ABAN, AOTH, BCRB, BAFR, BOTH, CHNE, OOTH, REFU, NOBT)'
FROM staging.versioned WHERE ethnicity IS NOT NULL AND ethnicity_code NOT IN
    ('WBRI','WIRI','WIRT','WOTH','WROM','MWBC','MWBA','MWAS','MOTH','AIND','APKN','ABAN','AOTH','BCRB','BAFR','BOTH','CHNE','OOTH','REFU','NOBT')
UNION ALL
SELECT source_row, 'disability', disability, 'disability ''' || disability || ''' is not yes or no'
FROM staging.versioned WHERE disability IS NOT NULL AND disability_flag IS NULL
UNION ALL
SELECT source_row, 'contact_source', contact_source,
       'contact_source ''' || contact_source || ''' is not a CIN referral source code (1A-1D, 2A, 2B, 3A-3F, 4, 5A-5D, 6, 7, 8, 9, 10)'
FROM staging.versioned WHERE contact_source IS NOT NULL AND coalesce(source_code, '') NOT IN (SELECT code FROM valid_sources)
UNION ALL
SELECT source_row, 'consent', consent, 'consent ''' || consent || ''' is not one of given, refused, not_sought, not_required (leave it blank when not recorded)'
FROM staging.versioned WHERE consent IS NOT NULL AND consent_code NOT IN ('given', 'refused', 'not_sought', 'not_required')
UNION ALL
SELECT v.source_row, 'consent', v.consent,
       'consent ''not_required'' is valid only with a child-protection outcome, and the outcome is ''' || v.outcome || ''''
FROM staging.versioned v JOIN outcomes o ON o.framework_version = v.framework_version AND o.outcome_code = v.outcome_code
WHERE v.consent_code = 'not_required' AND o.needs_consent
UNION ALL
SELECT source_row, 'likelihood', likelihood, 'likelihood ''' || likelihood || ''' is not a whole number from 0 to 10'
FROM staging.versioned WHERE likelihood IS NOT NULL AND (likelihood_value IS NULL OR likelihood_value NOT BETWEEN 0 AND 10)
UNION ALL
SELECT source_row, 'seriousness', seriousness, 'seriousness ''' || seriousness || ''' is not a whole number from 0 to 10'
FROM staging.versioned WHERE seriousness IS NOT NULL AND (seriousness_value IS NULL OR seriousness_value NOT BETWEEN 0 AND 10)
-- Levels, through the framework's own parser (staging.level_map)
UNION ALL
SELECT v.source_row, m.column_name, m.raw_value, m.error
FROM staging.versioned v
JOIN staging.level_map m ON m.framework_version = v.framework_version AND m.error IS NOT NULL
 AND ((m.column_name = 'caller_level' AND m.raw_value = v.caller_level)
   OR (m.column_name = 'recommended_level' AND m.raw_value = v.recommended_level)
   OR (m.column_name = 'actual_level' AND m.raw_value = v.actual_level))
-- Indicators, through the framework: the level engine looks every code up as it splits the list; its
-- fourth character is 'U' when a code is unknown, and what follows its second U+001F lists them.
UNION ALL
SELECT u.source_row, 'indicators', u.code,
       'indicators: ''' || u.code || ''' is not an indicator code of the ' || $partnership || ' framework version ' || u.framework_version || '; an unknown code rejects the row'
FROM (SELECT source_row, framework_version,
             unnest(string_split(array_to_string(string_split(indication, chr(31))[3:], chr(31)), ';')) AS code
      FROM staging.versioned
      WHERE indication[4] = 'U') u;
