-- Consultations, step 1: parse the file's text as it is read (staging.src, read_csv with one VARCHAR
-- column per contract column, blanks as NULL) into typed values, and find the framework version in
-- force. The rows keep file order; ConsultationLoader numbers them afterwards (staging.versioned).
-- Nothing here writes to the warehouse; staging is an in-memory database.
-- A year is written in four digits: '03/10/26' is not a date (strptime would read year 26).
CREATE OR REPLACE TEMP MACRO parse_when(v) AS
    CASE WHEN regexp_matches(v, '[0-9]{4}') THEN
    try_strptime(v, ['%Y-%m-%d', '%Y-%m-%dT%H:%M', '%Y-%m-%dT%H:%M:%S', '%Y-%m-%d %H:%M', '%Y-%m-%d %H:%M:%S',
                     '%d/%m/%Y', '%d/%m/%Y %H:%M', '%d/%m/%Y %H:%M:%S']) END;

CREATE OR REPLACE TEMP MACRO strip_annex_prefix(v) AS regexp_replace(trim(v), '^[a-zA-Z]\)\s*', '');

CREATE VIEW staging.parsed AS
SELECT
    s.*,
    parse_when(s.consultation_date)                      AS consultation_at,
    parse_when(s.decision_date)                          AS decision_at,
    parse_when(s.date_of_birth)                          AS birth_at,
    upper(s.locality)                                    AS locality_code,
    upper(s.caller_agency)                               AS agency_code,
    lower(s.outcome)                                     AS outcome_code,
    lower(s.consent)                                     AS consent_code,
    CASE upper(strip_annex_prefix(s.sex))
        WHEN 'M' THEN 'M' WHEN 'MALE' THEN 'M'
        WHEN 'F' THEN 'F' WHEN 'FEMALE' THEN 'F'
        WHEN 'U' THEN 'U' WHEN 'UNKNOWN' THEN 'U' WHEN 'NOT STATED/RECORDED' THEN 'U' WHEN 'INDETERMINATE' THEN 'U'
    END                                                  AS sex_code,
    upper(strip_annex_prefix(s.ethnicity))               AS ethnicity_code,
    CASE lower(s.disability) WHEN 'yes' THEN true WHEN 'y' THEN true WHEN 'no' THEN false WHEN 'n' THEN false END AS disability_flag,
    -- '6', '1A', or the Annex A spelling 'q) 6: Police'.
    upper(regexp_extract(s.contact_source, '^(?:[a-zA-Z]\)\s*)?([0-9]{1,2}[A-Fa-f]?)\s*(?::.*)?$', 1)) AS source_code,
    try_cast(s.likelihood AS INTEGER)                    AS likelihood_value,
    try_cast(s.seriousness AS INTEGER)                   AS seriousness_value
FROM staging.src s;

-- The framework version in force, the child's pseudonym and the level engine's answer, computed once
-- for the steps after. staged_framework_version is the partnership's versions as one CASE (LookupTables
-- defines it): a join to dim.framework_version on a date range cost more than the rest of the step's
-- expressions. pseudonym and staged_indication call functions written in .NET (SqlPseudonymMacro,
-- IndicatedLevelDeriver) on DuckDB's own threads; the indication packs the engine's fields, which the
-- later steps unpack. The raw child id and date of birth are not kept past this statement: the
-- checks after need only whether they were blank or unreadable.
CREATE TABLE staging.parsed_rows AS
SELECT q.* EXCLUDE (child_id, date_of_birth),
       q.child_id IS NULL                                 AS child_id_blank,
       q.date_of_birth IS NOT NULL AND q.birth_at IS NULL AS birth_unreadable,
       staged_indication(q.framework_version, q.indicators) AS indication
FROM (SELECT p.*,
             staged_framework_version(p.consultation_at) AS framework_version,
             pseudonym(p.child_id)                       AS child_key
      FROM staging.parsed p) q;
