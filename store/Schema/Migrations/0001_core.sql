-- Warehouse schema, version 1: conformed dimensions, facts, load lineage and operations.
-- Applied once per warehouse by store/Schema/Migrator.cs, inside one transaction, and recorded
-- in meta.schema_migrations. Never edit an applied migration: add a new numbered file.
--
-- Data protection: no column here holds a raw child identifier, a person's name, free text or
-- a full date of birth. child_key is HMAC-SHA256(key, normalised child id) as hex; birth_month
-- is the first day of the month of birth.

CREATE SCHEMA IF NOT EXISTS meta;
CREATE SCHEMA IF NOT EXISTS ops;
CREATE SCHEMA IF NOT EXISTS dim;
CREATE SCHEMA IF NOT EXISTS fact;

-- ---------------------------------------------------------------------------------------------
-- Operations: runs, files, rejects, warnings
-- ---------------------------------------------------------------------------------------------

-- Every run of a command or scheduled job (load, check, pack, purge, ...).
CREATE TABLE ops.job_runs (
    run_id        VARCHAR PRIMARY KEY,         -- a GUID
    job           VARCHAR NOT NULL,            -- e.g. 'load-inbox', 'checks', 'monthly-packs'
    trigger_kind  VARCHAR NOT NULL,            -- 'schedule', 'manual', 'chained', 'misfire', 'command'
    scheduled_for TIMESTAMPTZ,                 -- the fire time it ran for, when scheduled
    started_at    TIMESTAMPTZ NOT NULL,
    finished_at   TIMESTAMPTZ,
    outcome       VARCHAR,                     -- 'succeeded', 'failed', 'skipped'; NULL while running
    error         VARCHAR,                     -- one sentence; never an identifier
    produced      VARCHAR,                     -- what the run produced (files, counts), for 'status'
    attempt       INTEGER NOT NULL DEFAULT 1
);

-- Every file the loader saw, whatever became of it.
CREATE TABLE ops.loaded_files (
    file_id        VARCHAR PRIMARY KEY,        -- a GUID
    run_id         VARCHAR NOT NULL,
    partnership    VARCHAR NOT NULL,
    file_name      VARCHAR NOT NULL,           -- the name as it arrived (no folder)
    sha256         VARCHAR NOT NULL,
    size_bytes     BIGINT NOT NULL,
    kind           VARCHAR,                    -- 'consultations', 'annex_a', 'annex_a_list', 'reference_localities', ..., 'audit_return'; NULL when unrecognised
    outcome        VARCHAR NOT NULL,           -- 'loaded', 'rejected', 'unrecognised', 'duplicate'
    reason         VARCHAR,                    -- why rejected / unrecognised / duplicate
    loaded_at      TIMESTAMPTZ NOT NULL,
    rows_read      BIGINT NOT NULL DEFAULT 0,
    rows_loaded    BIGINT NOT NULL DEFAULT 0,
    rows_rejected  BIGINT NOT NULL DEFAULT 0,
    warnings       BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX loaded_files_sha ON ops.loaded_files (partnership, sha256);

-- Rows not loaded, with what a person needs to find and fix them.
CREATE TABLE ops.rejects (
    file_id      VARCHAR NOT NULL,
    partnership  VARCHAR NOT NULL,
    file_name    VARCHAR NOT NULL,
    sha256       VARCHAR NOT NULL,
    sheet        VARCHAR,                      -- sheet or Annex A list; NULL for a CSV
    row_number   BIGINT,                       -- as Excel shows it: header = row 1
    column_name  VARCHAR,
    value        VARCHAR,                      -- pseudonymised / degraded like everything else
    reason       VARCHAR NOT NULL
);

-- Values that could not be read but did not stop the row loading (stored as unknown).
CREATE TABLE ops.data_quality_warnings (
    file_id      VARCHAR NOT NULL,
    partnership  VARCHAR NOT NULL,
    sheet        VARCHAR,
    row_number   BIGINT,
    column_name  VARCHAR,
    value        VARCHAR,
    reason       VARCHAR NOT NULL
);

-- ---------------------------------------------------------------------------------------------
-- Dimensions (reference data, loaded from the frameworks' CSV files or replaced by the user)
-- ---------------------------------------------------------------------------------------------

CREATE TABLE dim.partnership (
    partnership    VARCHAR PRIMARY KEY,
    name           VARCHAR NOT NULL
);

CREATE TABLE dim.locality (
    partnership     VARCHAR NOT NULL,
    locality_code   VARCHAR NOT NULL,
    locality_name   VARCHAR NOT NULL,
    area            VARCHAR NOT NULL,
    population_0_17 BIGINT,
    PRIMARY KEY (partnership, locality_code)
);

CREATE TABLE dim.agency (
    partnership     VARCHAR NOT NULL,
    agency_code     VARCHAR NOT NULL,
    agency_name     VARCHAR NOT NULL,
    sector          VARCHAR NOT NULL,
    cin_source_code VARCHAR NOT NULL,
    PRIMARY KEY (partnership, agency_code)
);

CREATE TABLE dim.level (
    partnership       VARCHAR NOT NULL,
    framework_version VARCHAR NOT NULL,
    level_number      INTEGER NOT NULL,
    level_code        VARCHAR NOT NULL,
    level_name        VARCHAR NOT NULL,
    PRIMARY KEY (partnership, framework_version, level_number)
);

CREATE TABLE dim.indicator (
    partnership          VARCHAR NOT NULL,
    framework_version    VARCHAR NOT NULL,
    indicator_code       VARCHAR NOT NULL,
    level_number         INTEGER NOT NULL,
    domain               VARCHAR NOT NULL,
    wording              VARCHAR NOT NULL,
    top_level_on_its_own BOOLEAN NOT NULL,
    PRIMARY KEY (partnership, framework_version, indicator_code)
);

CREATE TABLE dim.outcome (
    partnership        VARCHAR NOT NULL,
    framework_version  VARCHAR NOT NULL,
    outcome_code       VARCHAR NOT NULL,
    label              VARCHAR NOT NULL,
    implied_level      INTEGER NOT NULL,
    visible_in_annex_a BOOLEAN NOT NULL,
    needs_consent      BOOLEAN NOT NULL,
    PRIMARY KEY (partnership, framework_version, outcome_code)
);

-- Which Annex A events confirm which outcome (CONTRACT.md section 3), from the framework files.
-- event_kind: early_help_assessment, referral_not_nfa, assessment, section47.
CREATE TABLE dim.outcome_confirmation (
    partnership       VARCHAR NOT NULL,
    framework_version VARCHAR NOT NULL,
    outcome_code      VARCHAR NOT NULL,
    event_kind        VARCHAR NOT NULL,
    level_number      INTEGER NOT NULL,             -- the outcome's level
    PRIMARY KEY (partnership, framework_version, outcome_code, event_kind)
);

-- A child already open to children's social care (Annex A List 6 or 7) gets at least this level.
CREATE TABLE dim.open_case_floor (
    partnership       VARCHAR NOT NULL,
    framework_version VARCHAR NOT NULL,
    list_number       INTEGER NOT NULL,             -- 6 child in need, 7 child protection plan
    level_number      INTEGER NOT NULL,
    PRIMARY KEY (partnership, framework_version, list_number)
);

CREATE TABLE dim.framework_version (
    partnership       VARCHAR NOT NULL,
    framework_version VARCHAR NOT NULL,
    effective_from    DATE NOT NULL,
    effective_to      DATE,
    PRIMARY KEY (partnership, framework_version)
);

CREATE TABLE dim.bank_holiday (
    holiday_date DATE PRIMARY KEY,
    name         VARCHAR NOT NULL
);

CREATE TABLE dim.national_comparator (
    year_ending DATE NOT NULL,
    measure     VARCHAR NOT NULL,
    value       DOUBLE NOT NULL,
    unit        VARCHAR NOT NULL,
    source      VARCHAR NOT NULL,
    PRIMARY KEY (year_ending, measure)
);

-- The calendar: one row a day, 2000-01-01 to 2040-12-31. is_working_day is filled from
-- dim.bank_holiday whenever bank holidays are (re)loaded; years the table does not cover are
-- marked so that working-day measures outside them are '[x]', never silently wrong.
CREATE TABLE dim.calendar (
    day                 DATE PRIMARY KEY,
    month_start         DATE NOT NULL,
    year                INTEGER NOT NULL,
    month               INTEGER NOT NULL,
    financial_year      VARCHAR NOT NULL,       -- April to March, e.g. '2025-26'
    iso_dow             INTEGER NOT NULL,       -- 1 = Monday
    is_weekend          BOOLEAN NOT NULL,
    is_bank_holiday     BOOLEAN NOT NULL DEFAULT false,
    holidays_known      BOOLEAN NOT NULL DEFAULT false,
    is_working_day      BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO dim.calendar (day, month_start, year, month, financial_year, iso_dow, is_weekend)
SELECT d::DATE,
       date_trunc('month', d)::DATE,
       year(d), month(d),
       CASE WHEN month(d) >= 4 THEN year(d)::VARCHAR || '-' || right((year(d) + 1)::VARCHAR, 2)
            ELSE (year(d) - 1)::VARCHAR || '-' || right(year(d)::VARCHAR, 2) END,
       isodow(d),
       isodow(d) >= 6
FROM range(DATE '2000-01-01', DATE '2041-01-01', INTERVAL 1 DAY) t(d);

-- ---------------------------------------------------------------------------------------------
-- Facts: front-door consultations
-- ---------------------------------------------------------------------------------------------

CREATE TABLE fact.consultation (
    partnership            VARCHAR NOT NULL,
    consultation_id        VARCHAR NOT NULL,
    child_key              VARCHAR NOT NULL,    -- keyed pseudonym, never the raw id
    birth_month            DATE,                -- first day of the month of birth
    age_years              INTEGER,             -- at consultation; NULL when unborn or unknown
    age_band               VARCHAR,             -- 'unborn', 'under 1', '1-4', '5-9', '10-15', '16 and over', or NULL
    sex                    VARCHAR,             -- M, F, U
    ethnicity              VARCHAR,             -- CIN census code, e.g. WBRI
    ethnicity_group        VARCHAR,             -- White, Mixed, Asian, Black, Other, Not known
    disability             BOOLEAN,
    consultation_at        TIMESTAMP NOT NULL,
    consultation_date      DATE NOT NULL,
    decision_at            TIMESTAMP,
    decision_date          DATE,
    locality               VARCHAR NOT NULL,
    caller_agency          VARCHAR NOT NULL,
    contact_source         VARCHAR NOT NULL,    -- CIN referral source code; derived from the agency when blank
    contact_source_derived BOOLEAN NOT NULL,
    consent                VARCHAR,             -- given, refused, not_sought, not_required; NULL = not recorded
    caller_level           INTEGER,
    likelihood             INTEGER,
    seriousness            INTEGER,
    recommended_level      INTEGER,             -- as recorded, or the outcome's level when none was recorded
    recommended_implied    BOOLEAN NOT NULL,    -- true when no level was recorded
    outcome                VARCHAR NOT NULL,
    actual_level_recorded  INTEGER,
    team                   VARCHAR,
    framework_version      VARCHAR NOT NULL,    -- the version in force on consultation_date
    file_id                VARCHAR NOT NULL,    -- the file that last supplied this consultation
    source_row             BIGINT NOT NULL,
    -- Derived (etl/Derivation): re-derived whenever consultations or Annex A returns change.
    actual_level           INTEGER,             -- NULL while pending
    actual_source          VARCHAR,             -- recorded, annex_a, implied, pending
    actual_window_end      DATE,                -- consultation_date + window
    indicated_level        INTEGER,
    indicated_rule         VARCHAR,
    indicated_borderline   BOOLEAN,
    indicated_indicators   VARCHAR[]
    -- (partnership, consultation_id) is unique: the loader rejects duplicates within a file and
    -- replaces earlier versions (etl/Sources/Consultations/Sql/4_publish.sql). No PRIMARY KEY is
    -- declared because DuckDB's index maintenance would dominate bulk loads and updates.
);

CREATE TABLE fact.consultation_indicator (
    partnership     VARCHAR NOT NULL,
    consultation_id VARCHAR NOT NULL,
    indicator_code  VARCHAR NOT NULL
);

-- ---------------------------------------------------------------------------------------------
-- Facts: Annex A returns (Lists 1-7). Each event row carries the return it came from; a newer
-- return replaces, list by list, older returns' events inside its coverage.
-- ---------------------------------------------------------------------------------------------

-- One row per list a return supplied. A workbook's lists share its coverage (the span of its
-- event dates across Lists 1-5); a list sent as its own CSV covers the span of its own dates.
CREATE TABLE ops.annex_a_returns (
    return_id       VARCHAR NOT NULL,           -- the file_id of the workbook or list CSV
    partnership     VARCHAR NOT NULL,
    list_number     INTEGER NOT NULL,
    coverage_start  DATE NOT NULL,
    coverage_end    DATE NOT NULL,
    loaded_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (return_id, list_number)
);

CREATE TABLE fact.annex_a_event (
    partnership     VARCHAR NOT NULL,
    return_id       VARCHAR NOT NULL,
    list_number     INTEGER NOT NULL,           -- 1..7
    event_kind      VARCHAR NOT NULL,           -- contact, early_help_assessment, referral, assessment, section47, cin, cp_plan
    child_key       VARCHAR NOT NULL,
    event_date      DATE NOT NULL,              -- the list's key date
    end_date        DATE,                       -- assessment authorised; CIN closure; CP plan end; EH assessment completed
    second_date     DATE,                       -- section 47: ICPC date; referral: n/a
    source_code     VARCHAR,                    -- contact / referral source (CIN code)
    referral_nfa    BOOLEAN,                    -- List 3
    requires_support BOOLEAN,                   -- List 4: assessed as requiring LA children's social care support
    sex             VARCHAR,
    ethnicity       VARCHAR,
    birth_month     DATE,
    sheet           VARCHAR NOT NULL,
    source_row      BIGINT NOT NULL
);

-- ---------------------------------------------------------------------------------------------
-- Erasure list (information governance): pseudonyms erased on request; every load skips them.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE ops.erased_children (
    partnership  VARCHAR NOT NULL,
    child_key    VARCHAR NOT NULL,
    erased_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (partnership, child_key)
);
