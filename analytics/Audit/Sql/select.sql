-- The cases of an audit sample: within each stratum, the n_h consultations with the smallest
-- sha256('<seed>:sample:<consultation_id>'). Ordering a stratum by a keyed hash is a uniformly
-- random permutation of it, so its first n_h cases are a simple random sample without replacement
-- (docs/audit.md); it depends only on the seed and the population, never on the order rows are
-- stored in. The other keys, from the same seed, order the cases for auditor assignment, case
-- numbering and the moderation subsample.
--
-- Reads aud_population (population.sql) and aud_allocation (stratum, sampled), written by the sampler.
-- Parameters: $seed.

CREATE OR REPLACE TEMP TABLE aud_selected AS
WITH ranked AS (
    SELECT p.*,
           row_number() OVER (PARTITION BY p.stratum
                              ORDER BY sha256($seed::VARCHAR || ':sample:' || p.consultation_id), p.consultation_id) AS draw
    FROM aud_population p
)
SELECT r.consultation_id, r.stratum, r.recommended_level, r.actual_level, r.actual_source,
       sha256($seed::VARCHAR || ':assign:' || r.consultation_id)     AS assign_key,
       sha256($seed::VARCHAR || ':order:' || r.consultation_id)      AS order_key,
       sha256($seed::VARCHAR || ':moderation:' || r.consultation_id) AS moderation_key
FROM ranked r
JOIN aud_allocation a ON a.stratum = r.stratum
WHERE r.draw <= a.sampled;
