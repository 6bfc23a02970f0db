-- Pathway to Change (month M): the distribution of the likelihood and seriousness scores (0-10)
-- by recorded recommended level ('not recorded' when none was recorded): the share at each
-- score, the median and the quartiles; and the high scores (both at least high_score) with a
-- recommended level at or below the second, over all high-score consultations. That rule uses
-- the recommended level as stored: recorded, or the outcome's level when none was recorded.
INSERT INTO chk_measures
WITH month_rows AS (
    SELECT coalesce(c.recommended_recorded::VARCHAR, 'not recorded') AS recommended_group, c.*
    FROM chk_consultation c JOIN chk_params p ON c.period = p.period
), scores AS (
    SELECT recommended_group, 'likelihood' AS score_kind, likelihood AS score FROM month_rows WHERE likelihood IS NOT NULL
    UNION ALL
    SELECT recommended_group, 'seriousness', seriousness FROM month_rows WHERE seriousness IS NOT NULL
), levels AS (
    SELECT unnest(['1', '2', '3', '4', 'not recorded']) AS recommended_group
), kinds AS (
    SELECT unnest(['likelihood', 'seriousness']) AS score_kind
), score_values AS (
    SELECT range::INTEGER AS score FROM range(0, 11)
), totals AS (
    SELECT l.recommended_group, k.score_kind, count(s.score) AS scored,
           quantile_cont(s.score, 0.5) AS median, quantile_cont(s.score, 0.25) AS lower_quartile, quantile_cont(s.score, 0.75) AS upper_quartile
    FROM levels l CROSS JOIN kinds k
    LEFT JOIN scores s ON s.recommended_group = l.recommended_group AND s.score_kind = k.score_kind
    GROUP BY ALL
), distribution AS (
    SELECT t.recommended_group, t.score_kind, v.score, count(s.score) AS n, any_value(t.scored) AS scored
    FROM totals t CROSS JOIN score_values v
    LEFT JOIN scores s ON s.recommended_group = t.recommended_group AND s.score_kind = t.score_kind AND s.score = v.score
    GROUP BY ALL
)
SELECT p.period, 'recommended_level', d.recommended_group, d.score_kind || '_score_' || d.score::VARCHAR, 'proportion', 'consultations',
       d.n, d.scored, NULL, NULL, false
FROM distribution d, chk_params p
UNION ALL
SELECT p.period, 'recommended_level', t.recommended_group, t.score_kind || '_' || q.statistic, 'statistic', 'score',
       t.scored, NULL, q.value, NULL, false
FROM totals t, chk_params p,
     LATERAL (VALUES ('median', t.median), ('lower_quartile', t.lower_quartile), ('upper_quartile', t.upper_quartile)) q(statistic, value)
UNION ALL
SELECT p.period, 'partnership', p.partnership, 'high_score_low_level', 'proportion', 'consultations',
       count(m.consultation_id) FILTER (WHERE m.recommended_level <= 2),
       count(m.consultation_id), NULL, NULL, false
FROM chk_params p
LEFT JOIN month_rows m ON m.likelihood >= p.high_score AND m.seriousness >= p.high_score
GROUP BY p.period, p.partnership;
