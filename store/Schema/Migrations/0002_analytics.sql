-- Warehouse schema, version 2: the results of the threshold-consistency checks (analytics/).
-- Every row carries the run_id of the check run that produced it, so a pack can be rebuilt
-- exactly from one run and two runs (two months, or the same month before and after a new
-- Annex A return) can be compared. Rows are raw results: statistical disclosure control is
-- applied when a pack is published, never here. analytics/README.md documents every column.
--
-- Data protection: analytics.exceptions is restricted (QA workbooks only, never executive
-- packs); it holds pseudonymised child keys and consultation ids, never a raw identifier.

CREATE SCHEMA IF NOT EXISTS analytics;

-- ---------------------------------------------------------------------------------------------
-- Audit judgements (CONTRACT.md section 6). The audit loop fills this table from audit returns;
-- it is created here, if the audit loop's migration has not created it, so that the audited
-- comparisons (audited -> recommended, audited -> actual) can run from the start.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS fact.audit_judgement (
    partnership     VARCHAR NOT NULL,
    audit_id        VARCHAR NOT NULL,
    consultation_id VARCHAR NOT NULL,
    auditor_ref     VARCHAR NOT NULL,             -- a code the QA lead assigns, never a name
    auditor_level   INTEGER NOT NULL,             -- the level the auditor judged, 1..4
    auditor_agency  VARCHAR,
    audit_date      DATE NOT NULL
);

-- ---------------------------------------------------------------------------------------------
-- Runs and what they saw
-- ---------------------------------------------------------------------------------------------

-- One row per check run.
CREATE TABLE analytics.check_runs (
    run_id                VARCHAR PRIMARY KEY,    -- a GUID
    partnership           VARCHAR NOT NULL,
    period                DATE NOT NULL,          -- the pack month M (first day of the month)
    consistency_period    DATE,                   -- latest month <= M with no pending consultation at the cut-off; NULL when none
    window_period         DATE NOT NULL,          -- latest month <= M whose consultations' windows all closed by the cut-off (conversion)
    trend_start           DATE NOT NULL,          -- first month of the 13-month trend (M - 12)
    data_cut_off          DATE NOT NULL,          -- the cut-off used for pending / assessable
    cut_off_given         BOOLEAN NOT NULL,       -- true when the run was given its cut-off; false when derived from the data
    framework_versions    VARCHAR NOT NULL,       -- framework versions of the consultations analysed, comma-separated
    window_days           INTEGER NOT NULL,
    minimum_cases         INTEGER NOT NULL,
    high_score            INTEGER NOT NULL,
    decision_working_days INTEGER NOT NULL,
    top_level             INTEGER NOT NULL,       -- the top level of the four-level scale (4)
    schema_version        INTEGER NOT NULL,
    software_version      VARCHAR NOT NULL,
    started_at            TIMESTAMPTZ NOT NULL,
    finished_at           TIMESTAMPTZ NOT NULL,
    warnings              BIGINT NOT NULL         -- number of rows in analytics.run_warnings for this run
);

-- The data a run saw: loaded files, table row counts, consultations by actual-level source,
-- framework versions.
CREATE TABLE analytics.run_inputs (
    run_id     VARCHAR NOT NULL,
    input_kind VARCHAR NOT NULL,                  -- 'file', 'table', 'actual_source', 'framework_version'
    name       VARCHAR NOT NULL,                  -- file name, table name, source, version
    detail     VARCHAR,                           -- file: its kind; actual_source: 'all' or 'analysed'
    sha256     VARCHAR,                           -- file only
    loaded_at  TIMESTAMPTZ,                       -- file only
    row_count  BIGINT NOT NULL
);

-- Conditions a reader of the results must know about (e.g. working days not available).
CREATE TABLE analytics.run_warnings (
    run_id  VARCHAR NOT NULL,
    code    VARCHAR NOT NULL,
    message VARCHAR NOT NULL,
    count   BIGINT NOT NULL
);

-- ---------------------------------------------------------------------------------------------
-- Agreement between two views of the level
-- ---------------------------------------------------------------------------------------------

-- The 4x4 matrix of counts per comparison and group: always all 16 cells, zeros included.
CREATE TABLE analytics.agreement_matrix (
    run_id          VARCHAR NOT NULL,
    comparison      VARCHAR NOT NULL,             -- e.g. 'recommended_to_actual'
    period          DATE NOT NULL,
    grouping        VARCHAR NOT NULL,             -- e.g. 'locality'
    group_value     VARCHAR NOT NULL,             -- e.g. 'NUN'
    reference_level INTEGER NOT NULL,             -- 1..4 (rows)
    compared_level  INTEGER NOT NULL,             -- 1..4 (columns)
    count           BIGINT NOT NULL
);

-- The statistics of each matrix. A NULL value with its status column not 'available' is
-- published as [z] (not applicable) or [x] (not available), never as 0.
CREATE TABLE analytics.agreement_results (
    run_id                          VARCHAR NOT NULL,
    comparison                      VARCHAR NOT NULL,
    period                          DATE NOT NULL,
    grouping                        VARCHAR NOT NULL,
    group_value                     VARCHAR NOT NULL,
    provisional                     BOOLEAN NOT NULL,  -- the month's actual levels are partly pending ([p])
    cases                           BIGINT NOT NULL,   -- N, assessable pairs
    low_reliability                 BOOLEAN NOT NULL,  -- N below the run's minimum_cases ([u] when published)
    agreements                      BIGINT NOT NULL,
    agreement                       DOUBLE,
    agreement_lower                 DOUBLE,
    agreement_upper                 DOUBLE,
    kappa_status                    VARCHAR NOT NULL,  -- available / not_applicable / not_available
    kappa                           DOUBLE,
    kappa_se                        DOUBLE,
    kappa_lower                     DOUBLE,
    kappa_upper                     DOUBLE,
    kappa_null_se                   DOUBLE,
    kappa_z                         DOUBLE,
    kappa_p                         DOUBLE,
    linear_kappa_status             VARCHAR NOT NULL,
    linear_kappa                    DOUBLE,
    linear_kappa_se                 DOUBLE,
    linear_kappa_lower              DOUBLE,
    linear_kappa_upper              DOUBLE,
    linear_kappa_null_se            DOUBLE,
    linear_kappa_z                  DOUBLE,
    linear_kappa_p                  DOUBLE,
    quadratic_kappa_status          VARCHAR NOT NULL,
    quadratic_kappa                 DOUBLE,
    quadratic_kappa_se              DOUBLE,
    quadratic_kappa_lower           DOUBLE,
    quadratic_kappa_upper           DOUBLE,
    quadratic_kappa_null_se         DOUBLE,
    quadratic_kappa_z               DOUBLE,
    quadratic_kappa_p               DOUBLE,
    over_count                      BIGINT NOT NULL,
    over_rate                       DOUBLE,
    over_lower                      DOUBLE,
    over_upper                      DOUBLE,
    under_count                     BIGINT NOT NULL,
    under_rate                      DOUBLE,
    under_lower                     DOUBLE,
    under_upper                     DOUBLE,
    serious_under_count             BIGINT NOT NULL,
    serious_under_rate              DOUBLE,
    serious_under_lower             DOUBLE,
    serious_under_upper             DOUBLE,
    top_level_reference_count       BIGINT NOT NULL,
    serious_under_among_top_rate    DOUBLE,
    serious_under_among_top_lower   DOUBLE,
    serious_under_among_top_upper   DOUBLE
);

-- Consultations of a month that a comparison could not use, by reason. For every comparison
-- and month: assessable (agreement_results.cases, grouping 'month') + the sum here = all
-- consultations of the month.
CREATE TABLE analytics.not_assessable (
    run_id        VARCHAR NOT NULL,
    comparison    VARCHAR NOT NULL,
    period        DATE NOT NULL,
    reason        VARCHAR NOT NULL,
    consultations BIGINT NOT NULL
);

-- ---------------------------------------------------------------------------------------------
-- Funnel plots (over localities and over caller agencies)
-- ---------------------------------------------------------------------------------------------

-- One row per funnel: its target and whether overdispersion was tested and adjusted for.
CREATE TABLE analytics.funnels (
    run_id              VARCHAR NOT NULL,
    comparison          VARCHAR NOT NULL,
    measure             VARCHAR NOT NULL,         -- agreement, over, under, serious_under
    period              DATE NOT NULL,
    grouping            VARCHAR NOT NULL,         -- locality, caller_agency
    target              DOUBLE,                   -- the partnership value; NULL when it has no cases
    units               INTEGER NOT NULL,         -- units with at least one case
    units_without_cases INTEGER NOT NULL,
    overdispersion_tested BOOLEAN NOT NULL,
    phi                 DOUBLE,
    chi_squared         DOUBLE,
    degrees_of_freedom  INTEGER,
    p_value             DOUBLE,
    overdispersed       BOOLEAN NOT NULL,
    tau2                DOUBLE NOT NULL,
    note                VARCHAR NOT NULL
);

-- One row per unit on a funnel.
CREATE TABLE analytics.funnel_points (
    run_id       VARCHAR NOT NULL,
    comparison   VARCHAR NOT NULL,
    measure      VARCHAR NOT NULL,
    period       DATE NOT NULL,
    grouping     VARCHAR NOT NULL,
    unit         VARCHAR NOT NULL,
    numerator    BIGINT NOT NULL,
    denominator  BIGINT NOT NULL,
    proportion   DOUBLE,                          -- NULL when the unit has no cases
    z_score      DOUBLE,
    lower_95     DOUBLE,
    upper_95     DOUBLE,
    lower_998    DOUBLE,
    upper_998    DOUBLE,
    limit_method VARCHAR,                         -- exact_binomial, normal, normal_random_effects, degenerate
    flag         VARCHAR                          -- within, high, low, above, below; NULL when no cases
);

-- ---------------------------------------------------------------------------------------------
-- Every measure, tidy: the agreement measures again (one row per statistic) and the pathway and
-- practice measures. Each row says which month it covers.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE analytics.measures (
    run_id      VARCHAR NOT NULL,
    period      DATE NOT NULL,
    grouping    VARCHAR NOT NULL,
    group_value VARCHAR NOT NULL,
    comparison  VARCHAR,                          -- NULL for pathway and practice measures
    measure     VARCHAR NOT NULL,
    unit        VARCHAR NOT NULL,                 -- proportion, kappa, per_10000, working_days, score; for a count, what is counted (consultations, children, referrals, assessments, icpcs)
    value       DOUBLE,
    lower       DOUBLE,                           -- 95% interval where one applies
    upper       DOUBLE,
    numerator   BIGINT,
    denominator BIGINT,
    status      VARCHAR NOT NULL,                 -- available, not_applicable ([z]), not_available ([x])
    flag        VARCHAR,                          -- funnel flag, or higher/similar/lower against England
    provisional BOOLEAN NOT NULL                  -- [p]
);

-- ---------------------------------------------------------------------------------------------
-- Case-level exceptions. RESTRICTED: QA workbooks only, never executive packs.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE analytics.exceptions (
    run_id            VARCHAR NOT NULL,
    period            DATE NOT NULL,
    rule              VARCHAR NOT NULL,
    consultation_id   VARCHAR NOT NULL,
    child_key         VARCHAR NOT NULL,           -- the keyed pseudonym, never the raw id
    consultation_date DATE NOT NULL,
    locality          VARCHAR NOT NULL,
    caller_agency     VARCHAR NOT NULL,
    fields            VARCHAR NOT NULL            -- JSON object: the values that triggered the rule
);
