-- The pathway and practice measures, as counts and values from SQL; PathwayCheck turns each row
-- into an analytics.measures row (proportions get their Wilson interval, rates their exact
-- Poisson interval, in C#). kind: count | proportion | rate_per_10000 | statistic | comparator.
-- comparator: the England value a proportion is set against (dim.national_comparator), if any.
CREATE OR REPLACE TEMP TABLE chk_measures (
    period      DATE NOT NULL,
    grouping    VARCHAR NOT NULL,
    group_value VARCHAR NOT NULL,
    measure     VARCHAR NOT NULL,
    kind        VARCHAR NOT NULL,
    unit        VARCHAR NOT NULL,
    numerator   BIGINT,
    denominator BIGINT,
    value       DOUBLE,
    comparator  DOUBLE,
    provisional BOOLEAN NOT NULL
);
