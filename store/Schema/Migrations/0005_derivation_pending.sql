-- Warehouse schema, version 5: the partnerships whose derived levels wait for a derivation.
-- A file that changes a partnership's data marks it in the file's own transaction; the derivation
-- clears the mark in its own. A load that stops between the two (killed, or a full disk at the
-- final checkpoint) leaves the mark behind, and the next load derives it even when it brings no
-- new file. No personal data: partnership codes and times only.
CREATE TABLE ops.derivation_pending (
    partnership VARCHAR PRIMARY KEY,
    since       TIMESTAMPTZ NOT NULL    -- when the first file since the last derivation was loaded
);
