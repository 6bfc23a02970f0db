-- Repeat consultations (month M): of the children with a consultation in M, the share with 3 or
-- more consultations in the 12 months to the end of M, and the share with 3 or more and no
-- assessment since the first of them (chk_repeat, scope.sql). The second is the count of
-- 'repeat_without_assessment' exceptions over the same children.
INSERT INTO chk_measures
SELECT p.period, 'partnership', p.partnership, 'repeat_consultations', 'proportion', 'children',
       count(r.child_key) FILTER (WHERE r.consultations >= 3), count(r.child_key), NULL, NULL, false
FROM chk_params p LEFT JOIN chk_repeat r ON true
GROUP BY p.period, p.partnership
UNION ALL
SELECT p.period, 'partnership', p.partnership, 'repeat_consultations_without_assessment', 'proportion', 'children',
       count(r.child_key) FILTER (WHERE r.consultations >= 3 AND NOT r.assessed), count(r.child_key), NULL, NULL, false
FROM chk_params p LEFT JOIN chk_repeat r ON true
GROUP BY p.period, p.partnership;
