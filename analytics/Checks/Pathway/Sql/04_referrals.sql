-- Referrals (Annex A List 3) dated in the 12 months to the end of M: the share with no further
-- action (over the referrals whose NFA answer is known) and the share within 12 months of a
-- previous referral of the same child (a previous referral dated strictly earlier, at most 12
-- months before; earlier referrals come from every loaded return). Each is set against the
-- England value for the latest year ending on or before the end of M (dim.national_comparator,
-- 'referrals_nfa' and 're_referrals_within_12_months', percentages turned into proportions),
-- which is also written as its own row (grouping 'england'). Provisional when the loaded List 3
-- coverage ends before the end of M.
INSERT INTO chk_measures
WITH referrals AS (
    SELECT e.child_key, e.event_date, e.referral_nfa
    FROM fact.annex_a_event e, chk_params p
    WHERE e.partnership = p.partnership AND e.event_kind = 'referral'
      AND e.event_date BETWEEN (p.rolling_start - INTERVAL 12 MONTH)::DATE AND p.period_end
), in_window AS (
    SELECT r.* FROM referrals r, chk_params p WHERE r.event_date BETWEEN p.rolling_start AND p.period_end
), repeated AS (
    -- Performance: a join on the child, not a count over a range frame per child (1 s at 10,000,000).
    SELECT DISTINCT r.child_key, r.event_date
    FROM in_window r
    JOIN referrals q ON q.child_key = r.child_key
    WHERE q.event_date < r.event_date AND q.event_date >= (r.event_date - INTERVAL 12 MONTH)
), counted AS (
    SELECT count(*) FILTER (WHERE r.referral_nfa IS NOT NULL)          AS nfa_known,
           count(*) FILTER (WHERE r.referral_nfa)                     AS nfa,
           count(*)                                                   AS referrals,
           count(*) FILTER (WHERE d.child_key IS NOT NULL)            AS re_referrals
    FROM in_window r
    LEFT JOIN repeated d ON d.child_key = r.child_key AND d.event_date = r.event_date
), coverage AS (
    SELECT coalesce(max(coverage_end) < (SELECT period_end FROM chk_params), true) AS provisional
    FROM ops.annex_a_returns WHERE partnership = (SELECT partnership FROM chk_params) AND list_number = 3
), england AS (
    SELECT n.measure, n.year_ending,
           CASE WHEN n.unit = 'percent' THEN n.value / 100 ELSE n.value END AS value
    FROM dim.national_comparator n, chk_params p
    WHERE n.measure IN ('referrals_nfa', 're_referrals_within_12_months') AND n.year_ending <= p.period_end
    QUALIFY row_number() OVER (PARTITION BY n.measure ORDER BY n.year_ending DESC) = 1
)
SELECT p.period, 'partnership', p.partnership, 'referral_nfa_rate', 'proportion', 'referrals',
       c.nfa, c.nfa_known, NULL, (SELECT value FROM england WHERE measure = 'referrals_nfa'), v.provisional
FROM counted c, coverage v, chk_params p
UNION ALL
SELECT p.period, 'partnership', p.partnership, 're_referral_rate', 'proportion', 'referrals',
       c.re_referrals, c.referrals, NULL, (SELECT value FROM england WHERE measure = 're_referrals_within_12_months'), v.provisional
FROM counted c, coverage v, chk_params p
UNION ALL
SELECT p.period, 'england', 'year ending ' || strftime(e.year_ending, '%Y-%m-%d'),
       CASE e.measure WHEN 'referrals_nfa' THEN 'referral_nfa_rate' ELSE 're_referral_rate' END,
       'comparator', 'referrals', NULL, NULL, e.value, NULL, false
FROM england e, chk_params p;
