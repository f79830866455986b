-- MuscleMemory database, migration 0010: what was typed in `muscle study --type`.
--
-- One row per answer given by typing. Most answers have none, so it is a table beside `review`
-- rather than a column of it: the review rows stay as they were, and the answer path writes this
-- row only for a typed answer, in the same transaction as its review.
--
-- `typed` is the text as typed (control characters removed, at most 200 characters), `verdict` how
-- the matcher judged it (Docs/TYPED.md) and `proposed_grade` the grade it proposed; the grade the
-- student gave is the review's own. Undoing the answer deletes its review and, with it, this row.
CREATE TABLE typed_answer (
    review_id      INTEGER PRIMARY KEY REFERENCES review (id) ON DELETE CASCADE,
    typed          TEXT    NOT NULL CHECK (length(typed) <= 200),
    verdict        TEXT    NOT NULL CHECK (verdict IN ('exact', 'synonym', 'typo', 'partial', 'wrong')),
    proposed_grade INTEGER NOT NULL CHECK (proposed_grade BETWEEN 0 AND 5)
) STRICT;
