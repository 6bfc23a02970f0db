-- Consent (month M): shares given / refused / not sought / not recorded (and not required, which
-- the contract allows only with a child-protection outcome, so that the shares always add up),
-- over the consultations whose outcome needs consent (dim.outcome.needs_consent: every outcome
-- but child protection), for the partnership and each caller agency with such consultations.
INSERT INTO chk_measures
WITH needing AS (
    SELECT c.caller_agency, coalesce(c.consent, 'not_recorded') AS consent
    FROM chk_consultation c JOIN chk_params p ON c.period = p.period
    WHERE c.needs_consent
), counted AS (
    SELECT CASE WHEN GROUPING(caller_agency) = 0 THEN 'caller_agency' ELSE 'partnership' END AS grouping,
           CASE WHEN GROUPING(caller_agency) = 0 THEN caller_agency ELSE (SELECT partnership FROM chk_params) END AS group_value,
           count(*) AS total,
           count(*) FILTER (WHERE consent = 'given')        AS given,
           count(*) FILTER (WHERE consent = 'refused')      AS refused,
           count(*) FILTER (WHERE consent = 'not_sought')   AS not_sought,
           count(*) FILTER (WHERE consent = 'not_recorded') AS not_recorded,
           count(*) FILTER (WHERE consent = 'not_required') AS not_required
    FROM needing
    GROUP BY GROUPING SETS ((), (caller_agency))
), partnership_row AS (
    -- The partnership row exists even when no consultation of M needed consent (0 over 0: [x]).
    SELECT * FROM counted
    UNION ALL
    SELECT 'partnership', (SELECT partnership FROM chk_params), 0, 0, 0, 0, 0, 0
    WHERE NOT EXISTS (SELECT 1 FROM counted WHERE grouping = 'partnership')
)
SELECT p.period, grouping, group_value, 'consent_' || category, 'proportion', 'consultations', n, total, NULL, NULL, false
FROM partnership_row
UNPIVOT (n FOR category IN (given, refused, not_sought, not_recorded, not_required))
CROSS JOIN chk_params p;
