-- Consultations, step 3: the rows that broke no rule (staging.ok), and the same typed and degraded
-- (date of birth to its month) as the warehouse holds them (staging.final). Views, not tables: the
-- publish step reads each once, and materialising the file's rows again cost more than all of that.
-- The partnership's agencies and outcomes are copied into staging so that the views need no parameter.
CREATE TABLE staging.agency_codes AS
SELECT agency_code, cin_source_code FROM dim.agency WHERE partnership = $partnership;

CREATE TABLE staging.outcome_codes AS
SELECT framework_version, outcome_code, implied_level FROM dim.outcome WHERE partnership = $partnership;

CREATE VIEW staging.ok AS
SELECT v.* FROM staging.versioned v
WHERE NOT EXISTS (SELECT 1 FROM staging.errors e WHERE e.source_row = v.source_row);

-- The consultations this file supplies again, found once in fact.consultation (a consultation's indicator
-- rows never outlive it), so that when there are none, as usual, the publish step's deletes read nothing
-- of the warehouse. Made here, before the file's transaction, which may write to the warehouse only.
CREATE TABLE staging.replaced AS
SELECT consultation_id FROM fact.consultation
WHERE partnership = $partnership AND consultation_id IN (SELECT consultation_id FROM staging.ok);

CREATE VIEW staging.final AS
-- staged_level_number: the level map as an expression (LookupTables.BuildLevelMap defines it).
WITH typed AS (
    SELECT
        ok.*,
        date_trunc('month', ok.birth_at)::DATE AS birth_month,
        staged_level_number('caller_level', ok.framework_version, ok.caller_level) AS caller_level_number,
        staged_level_number('recommended_level', ok.framework_version, ok.recommended_level) AS recommended_level_number,
        staged_level_number('actual_level', ok.framework_version, ok.actual_level) AS actual_level_number
    FROM staging.ok ok
),
-- Age in whole years at the consultation, computed once: NULL when unknown or unborn.
aged AS (
    SELECT typed.*,
           CASE WHEN typed.birth_month IS NULL OR typed.birth_month > typed.consultation_at::DATE THEN NULL
                ELSE date_sub('year', typed.birth_month, typed.consultation_at::DATE) END AS age
    FROM typed
)
SELECT
    t.consultation_id,
    t.child_key,
    t.birth_month,
    t.age::INTEGER                                 AS age_years,
    CASE WHEN t.birth_month IS NULL THEN NULL
         WHEN t.age IS NULL THEN 'unborn'
         WHEN t.age < 1 THEN 'under 1'
         WHEN t.age < 5 THEN '1-4'
         WHEN t.age < 10 THEN '5-9'
         WHEN t.age < 16 THEN '10-15'
         ELSE '16 and over' END                    AS age_band,
    t.sex_code                                     AS sex,
    t.ethnicity_code                               AS ethnicity,
    CASE WHEN t.ethnicity_code IS NULL THEN NULL
         WHEN t.ethnicity_code IN ('WBRI','WIRI','WIRT','WOTH','WROM') THEN 'White'
         WHEN t.ethnicity_code IN ('MWBC','MWBA','MWAS','MOTH') THEN 'Mixed'
         WHEN t.ethnicity_code IN ('AIND','APKN','ABAN','AOTH') THEN 'Asian'
         WHEN t.ethnicity_code IN ('BCRB','BAFR','BOTH') THEN 'Black'
         WHEN t.ethnicity_code IN ('CHNE','OOTH') THEN 'Other'
         ELSE 'Not known' END                      AS ethnicity_group,
    t.disability_flag                              AS disability,
    t.consultation_at,
    t.consultation_at::DATE                        AS consultation_date,
    t.decision_at,
    t.decision_at::DATE                            AS decision_date,
    t.locality_code                                AS locality,
    t.agency_code                                  AS caller_agency,
    coalesce(t.source_code, a.cin_source_code)     AS contact_source,
    t.source_code IS NULL                          AS contact_source_derived,
    t.consent_code                                 AS consent,
    t.caller_level_number                          AS caller_level,
    t.likelihood_value                             AS likelihood,
    t.seriousness_value                            AS seriousness,
    coalesce(t.recommended_level_number, o.implied_level) AS recommended_level,
    t.recommended_level_number IS NULL             AS recommended_implied,
    t.outcome_code                                 AS outcome,
    t.actual_level_number                          AS actual_level_recorded,
    t.team,
    t.framework_version,
    -- The level engine's answer, packed in the parse step as LevelEngineFunction says.
    CASE WHEN t.indication[1] <> '-' THEN ascii(t.indication) - 48 END AS indicated_level,
    split_part(t.indication, chr(31), 1)[5:]      AS indicated_rule,
    t.indication[2] = '1'                         AS indicated_borderline,
    CASE WHEN split_part(t.indication, chr(31), 2) = '' THEN NULL
         ELSE string_split(split_part(t.indication, chr(31), 2), ';') END AS indicated_indicators,
    t.source_row,
    t.indicators
FROM aged t
JOIN staging.agency_codes a ON a.agency_code = t.agency_code
JOIN staging.outcome_codes o ON o.framework_version = t.framework_version AND o.outcome_code = t.outcome_code;
