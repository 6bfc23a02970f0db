-- Warehouse schema, version 4: the audit loop (docs/audit.md). Quality-assurance staff audit a
-- stratified random sample of a month's assessable consultations against the threshold document;
-- these tables hold the sample's design, its cases and who audits them, and the findings.
-- fact.audit_judgement (created by 0002_analytics.sql) holds what the auditors judged.
--
-- Data protection: no raw identifier, no name and no free text. Auditors are codes the QA lead
-- assigns; the auditors' rationale stays in their workbooks and is never loaded. The case table
-- carries partnership and consultation_id, so retention, erasure and subject access find its rows
-- like every other table keyed by consultation (etl/Governance/ChildRecords.cs).

-- One row per sample drawn (`warehouse audit sample`).
CREATE TABLE fact.audit_sample (
    audit_id    VARCHAR PRIMARY KEY,          -- e.g. 'audit-warwickshire-2026-09-3f2a9c1b'
    partnership VARCHAR NOT NULL,
    period      DATE NOT NULL,                -- the month audited (first day)
    seed        BIGINT NOT NULL,              -- the sample is reproducible from it (docs/audit.md)
    size        INTEGER NOT NULL,             -- the sample size asked for
    design      VARCHAR NOT NULL,             -- JSON: population, strata, allocation, auditors, moderation, cut-off, method
    created_at  TIMESTAMPTZ NOT NULL,
    blind       BOOLEAN NOT NULL,             -- workbooks show neither the outcome nor any recorded or derived level
    cut_off     DATE NOT NULL                 -- the data cut-off that decided which consultations were assessable
);

-- The strata of a sample: locality x agreement category (recommended -> actual). A stratum's
-- cases are a simple random sample without replacement of its population.
CREATE TABLE fact.audit_sample_stratum (
    audit_id              VARCHAR NOT NULL,
    stratum               VARCHAR NOT NULL,   -- '<locality>/<category>', e.g. 'NUN/under'
    locality              VARCHAR NOT NULL,
    category              VARCHAR NOT NULL,   -- agreed, over, under, serious_under
    population            BIGINT NOT NULL,    -- N_h: assessable consultations of the month in the stratum
    sampled               INTEGER NOT NULL,   -- n_h
    inclusion_probability DOUBLE NOT NULL,    -- n_h / N_h
    take_all              BOOLEAN NOT NULL,   -- every case included (serious under-response, or n_h = N_h)
    PRIMARY KEY (audit_id, stratum)
);

-- One row per case and auditor: a case given to two auditors for moderation has two rows, the
-- first auditor's (moderation = false) and the second's (moderation = true). The levels are those
-- at the draw: they defined the stratum, and the findings compare the auditors with them.
CREATE TABLE fact.audit_sample_case (
    audit_id              VARCHAR NOT NULL,
    partnership           VARCHAR NOT NULL,
    consultation_id       VARCHAR NOT NULL,
    case_number           INTEGER NOT NULL,   -- 1..n in a random order (never the stratum order: blind audits stay blind)
    stratum               VARCHAR NOT NULL,
    inclusion_probability DOUBLE NOT NULL,    -- pi_k = n_h / N_h; the design weight is 1 / pi_k
    auditor_ref           VARCHAR NOT NULL,   -- a code the QA lead assigns, never a name
    moderation            BOOLEAN NOT NULL,   -- true: the second auditor of a moderated case
    recommended_level     INTEGER NOT NULL,   -- as recorded at the draw
    actual_level          INTEGER NOT NULL,   -- as assessable at the draw
    actual_source         VARCHAR NOT NULL,   -- recorded, annex_a
    PRIMARY KEY (audit_id, consultation_id, auditor_ref)
);

-- The findings of an audit (analytics/Audit/AuditFindings.cs), replaced whenever they are computed
-- again. basis 'design_weighted': estimates for the month's assessable consultations, each case
-- weighted by 1 / pi_k, with a stratified variance; basis 'sample': figures about the audited
-- cases themselves (kappa and the other agreement measures of METRICS.md), never weighted.
-- A NULL value with status not 'available' is published as [z] or [x], never as 0.
CREATE TABLE analytics.audit_findings (
    audit_id       VARCHAR NOT NULL,
    partnership    VARCHAR NOT NULL,
    period         DATE NOT NULL,
    computed_at    TIMESTAMPTZ NOT NULL,
    comparison     VARCHAR NOT NULL,          -- right_level, audited_to_recommended, audited_to_actual, moderation
    basis          VARCHAR NOT NULL,          -- design_weighted, sample
    stratum        VARCHAR,                   -- NULL: the whole month; else one stratum's own estimate
    measure        VARCHAR NOT NULL,          -- e.g. rate, population, judged, agreement, linear_kappa, over
    value          DOUBLE,
    lower          DOUBLE,                    -- 95% interval where one applies
    upper          DOUBLE,
    standard_error DOUBLE,
    z              DOUBLE,                    -- kappa: kappa / its standard error under H0
    p_value        DOUBLE,
    numerator      BIGINT,
    denominator    BIGINT,
    status         VARCHAR NOT NULL,          -- available, not_applicable, not_available
    note           VARCHAR
);

-- The 4x4 matrices behind the sample comparisons: always all 16 cells, zeros included.
CREATE TABLE analytics.audit_findings_matrix (
    audit_id        VARCHAR NOT NULL,
    comparison      VARCHAR NOT NULL,         -- audited_to_recommended, audited_to_actual, moderation
    reference_level INTEGER NOT NULL,         -- rows: the auditor's level (moderation: the first auditor's)
    compared_level  INTEGER NOT NULL,         -- columns: the recommended / actual level (moderation: the second auditor's)
    count           BIGINT NOT NULL
);
