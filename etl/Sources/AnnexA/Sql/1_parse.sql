-- Annex A, step 1: parse staged text (staging.annex_rows, filled by C# from the workbook or
-- CSV, Allocated Worker and every other unused column already dropped) into typed values.
-- Real returns mix 'a) Male' with 'Male', 'q) 6: Police' with '6', Excel serial dates with text
-- dates, and hold '#N/A': map what maps, keep the rest as unknown.
CREATE OR REPLACE TEMP MACRO annex_text(v) AS nullif(nullif(trim(replace(v, chr(160), ' ')), ''), '#N/A');
-- An Excel error value (a cell showing #REF!, #VALUE!…, or that text in a CSV saved from Excel).
CREATE OR REPLACE TEMP MACRO annex_error(v) AS upper(annex_text(v)) IN
    ('#REF!', '#VALUE!', '#DIV/0!', '#NAME?', '#NULL!', '#NUM!', '#SPILL!', '#CALC!', '#GETTING_DATA', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!');
-- A formula whose result the workbook never saved (the reader gives it as '=' and the formula).
CREATE OR REPLACE TEMP MACRO annex_formula(v) AS starts_with(annex_text(v), '=');
-- The column a list's field came from, as the file spells it.
CREATE OR REPLACE TEMP MACRO annex_column(list_no, field_name, fallback) AS
    coalesce((SELECT any_value(c.column_name) FROM staging.annex_columns c WHERE c.list_number = list_no AND c.field = field_name), fallback);
CREATE OR REPLACE TEMP MACRO annex_strip(v) AS regexp_replace(annex_text(v), '^[a-zA-Z]\)\s*', '');
CREATE OR REPLACE TEMP MACRO annex_date(v) AS
    CASE WHEN regexp_full_match(annex_text(v), '[0-9]{1,6}(\.[0-9]+)?')
         THEN DATE '1899-12-30' + floor(annex_text(v)::DOUBLE)::INTEGER
         ELSE try_strptime(annex_text(v), ['%Y-%m-%d', '%Y-%m-%dT%H:%M:%S', '%Y-%m-%dT%H:%M', '%Y-%m-%d %H:%M:%S', '%Y-%m-%d %H:%M',
                                           '%d/%m/%Y', '%d/%m/%Y %H:%M', '%d/%m/%Y %H:%M:%S', '%d-%m-%Y', '%d.%m.%Y'])::DATE
    END;
CREATE OR REPLACE TEMP MACRO annex_yes_no(v) AS
    CASE lower(annex_strip(v)) WHEN 'yes' THEN true WHEN 'y' THEN true WHEN 'no' THEN false WHEN 'n' THEN false END;

CREATE TABLE staging.annex_parsed AS
SELECT
    r.list_number, r.sheet, r.source_row,
    CASE WHEN annex_error(r.child_id) OR annex_formula(r.child_id) THEN NULL ELSE annex_text(r.child_id) END AS child_text,
    r.child_id                                               AS child_raw,
    r.gender, r.ethnicity, r.key_date, r.end_date, r.second_date, r.source, r.nfa, r.requires_support,
    r.date_of_birth IS NOT NULL AND annex_text(r.date_of_birth) IS NOT NULL AS has_dob,
    annex_date(r.date_of_birth)                              AS dob,
    annex_date(r.key_date)                                   AS event_date,
    annex_date(r.end_date)                                   AS end_value,
    annex_date(r.second_date)                                AS second_value,
    CASE upper(annex_strip(r.gender))
        WHEN 'MALE' THEN 'M' WHEN 'M' THEN 'M' WHEN 'FEMALE' THEN 'F' WHEN 'F' THEN 'F'
        WHEN 'NOT STATED/RECORDED' THEN 'U' WHEN 'UNKNOWN' THEN 'U' WHEN 'INDETERMINATE' THEN 'U'
        WHEN 'NOT KNOWN' THEN 'U' WHEN 'U' THEN 'U' END      AS sex_code,
    CASE WHEN upper(annex_strip(r.ethnicity)) IN
        ('WBRI','WIRI','WIRT','WOTH','WROM','MWBC','MWBA','MWAS','MOTH','AIND','APKN','ABAN','AOTH','BCRB','BAFR','BOTH','CHNE','OOTH','REFU','NOBT')
         THEN upper(annex_strip(r.ethnicity)) END            AS ethnicity_code,
    upper(regexp_extract(annex_strip(r.source), '^([0-9]{1,2}[A-Fa-f]?)\s*(?::.*)?$', 1)) AS source_code,
    annex_yes_no(r.nfa)                                      AS nfa_flag,
    annex_yes_no(r.requires_support)                         AS support_flag
FROM staging.annex_rows r;

-- Rows that cannot be used: no child id, or no readable key date.
-- The child id is never shown (an error code or a formula is, since neither is an identifier).
CREATE TABLE staging.annex_errors AS
SELECT list_number, sheet, source_row, 'Child Unique ID' AS column_name,
       CASE WHEN annex_error(child_raw) OR annex_formula(child_raw) THEN annex_text(child_raw) END AS value,
       CASE WHEN annex_error(child_raw)
                THEN 'Child Unique ID is the Excel error ' || annex_text(child_raw) || ' (a broken formula or lookup): the row cannot be linked to a child'
            WHEN annex_formula(child_raw)
                THEN 'Child Unique ID is a formula whose result was never saved: open the workbook in Excel and save it, so that results are stored'
            ELSE 'Child Unique ID is blank or #N/A: the row cannot be linked to a child' END AS reason
FROM staging.annex_parsed WHERE child_text IS NULL
UNION ALL
SELECT list_number, sheet, source_row, annex_column(list_number, 'key_date', 'key date'), annex_text(key_date),
       CASE WHEN annex_text(key_date) IS NULL
                THEN annex_column(list_number, 'key_date', 'the list''s date') || ' is blank or #N/A: the row cannot be placed in time'
            WHEN annex_error(key_date)
                THEN annex_column(list_number, 'key_date', 'the list''s date') || ' is the Excel error ' || annex_text(key_date) || ' (a broken formula or lookup): the row cannot be placed in time'
            WHEN annex_formula(key_date)
                THEN annex_column(list_number, 'key_date', 'the list''s date') || ' is a formula whose result was never saved (' || annex_text(key_date) || '): open the workbook in Excel and save it, so that results are stored'
            ELSE annex_column(list_number, 'key_date', 'the list''s date') || ' ''' || annex_text(key_date) || ''' is not a date (an Excel date, YYYY-MM-DD or DD/MM/YYYY; never month first)' END
FROM staging.annex_parsed WHERE child_text IS NOT NULL AND event_date IS NULL
UNION ALL
-- A key date outside time: a return's coverage runs from its earliest to its latest event date, so
-- one typed year (2062) or an Excel zero date (a 0 shown as a date, 1899-12-30) would stretch the
-- return over decades and it would replace, or be kept over, every other return in between.
SELECT list_number, sheet, source_row, annex_column(list_number, 'key_date', 'key date'), annex_text(key_date),
       CASE WHEN event_date > $today
                THEN annex_column(list_number, 'key_date', 'the list''s date') || ' ' || strftime(event_date, '%Y-%m-%d') || ' is in the future (after ' || strftime($today, '%Y-%m-%d') || '): an event in a return has happened'
            ELSE annex_column(list_number, 'key_date', 'the list''s date') || ' ''' || annex_text(key_date) || ''' is ' || strftime(event_date, '%Y-%m-%d') || ', before 1900: Excel''s day zero (a 0 formatted as a date) or a two-digit year, not a real date' END
FROM staging.annex_parsed WHERE child_text IS NOT NULL AND (event_date > $today OR event_date < DATE '1900-03-01');

-- Values that could not be read but do not stop the row: stored as unknown, counted as warnings.
CREATE TABLE staging.annex_warnings AS
SELECT p.list_number, p.sheet, p.source_row, w.column_name, w.value, w.reason
FROM staging.annex_parsed p,
LATERAL (
    SELECT 'Gender' AS column_name, annex_text(p.gender) AS value, 'Gender ''' || annex_text(p.gender) || ''' is not a known gender; stored as unknown' AS reason
    WHERE annex_text(p.gender) IS NOT NULL AND p.sex_code IS NULL
    UNION ALL
    SELECT 'Ethnicity', annex_text(p.ethnicity), 'Ethnicity ''' || annex_text(p.ethnicity) || ''' is not a CIN census code; stored as unknown'
    WHERE annex_text(p.ethnicity) IS NOT NULL AND p.ethnicity_code IS NULL
    UNION ALL
    SELECT 'Date of Birth', NULL, 'Date of Birth is not a date (value not shown); stored as unknown'
    WHERE p.has_dob AND p.dob IS NULL
    UNION ALL
    SELECT annex_column(p.list_number, 'end_date', 'end date'), annex_text(p.end_date),
           annex_column(p.list_number, 'end_date', 'end date') || ' ''' || annex_text(p.end_date) || ''' is not a date; stored as unknown'
    WHERE annex_text(p.end_date) IS NOT NULL AND p.end_value IS NULL
    UNION ALL
    SELECT 'Date of Initial Child Protection Conference', annex_text(p.second_date), 'ICPC date ''' || annex_text(p.second_date) || ''' is not a date; stored as unknown'
    WHERE annex_text(p.second_date) IS NOT NULL AND p.second_value IS NULL
    UNION ALL
    SELECT 'source', annex_text(p.source), 'source ''' || annex_text(p.source) || ''' is not a CIN referral source code; stored as unknown'
    WHERE annex_text(p.source) IS NOT NULL AND p.source_code IS NULL
    UNION ALL
    SELECT 'Referral NFA?', annex_text(p.nfa), 'Referral NFA? ''' || annex_text(p.nfa) || ''' is not Yes or No; stored as unknown'
    WHERE annex_text(p.nfa) IS NOT NULL AND p.nfa_flag IS NULL
    UNION ALL
    SELECT 'Was the child assessed as requiring LA children''s social care support?', annex_text(p.requires_support),
           '''' || annex_text(p.requires_support) || ''' is not Yes or No; stored as unknown'
    WHERE annex_text(p.requires_support) IS NOT NULL AND p.support_flag IS NULL
) w
WHERE NOT EXISTS (SELECT 1 FROM staging.annex_errors e WHERE e.list_number = p.list_number AND e.source_row = p.source_row);

CREATE TABLE staging.annex_final AS
SELECT
    $partnership                       AS partnership,
    $return_id                         AS return_id,
    p.list_number,
    CASE p.list_number WHEN 1 THEN 'contact' WHEN 2 THEN 'early_help_assessment' WHEN 3 THEN 'referral'
         WHEN 4 THEN 'assessment' WHEN 5 THEN 'section47' WHEN 6 THEN 'cin' WHEN 7 THEN 'cp_plan' END AS event_kind,
    pseudonym(p.child_text)            AS child_key,
    p.event_date,
    p.end_value                        AS end_date,
    p.second_value                     AS second_date,
    p.source_code,
    p.nfa_flag                         AS referral_nfa,
    p.support_flag                     AS requires_support,
    p.sex_code                         AS sex,
    p.ethnicity_code                   AS ethnicity,
    date_trunc('month', p.dob)::DATE   AS birth_month,
    p.sheet,
    p.source_row
FROM staging.annex_parsed p
WHERE NOT EXISTS (SELECT 1 FROM staging.annex_errors e WHERE e.list_number = p.list_number AND e.source_row = p.source_row);
