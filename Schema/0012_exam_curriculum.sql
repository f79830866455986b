-- MuscleMemory database, migration 0012: the exam's items kept for the next start (issue 14).
--
-- `muscle exam` generated every item from the compiled decks at each start: seconds over the
-- bundled curriculum before the first item showed. The items a generation stored are now drawn
-- from again while what they were generated from is unchanged.
--
-- 1. `exam_curriculum`: one row, what the active items were generated from: a fingerprint of the
-- decks' files and of the program that generated them (another build may generate other items),
-- and the warning that generation printed about the decks' lint errors (shown again when the
-- stored items are used). No row: the items are vouched for by nothing, and the next exam
-- generates them.
CREATE TABLE exam_curriculum (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    fingerprint TEXT    NOT NULL,
    warning     TEXT,                  -- NULL: the decks had no lint error
    synced_at   INTEGER NOT NULL
) STRICT;

-- 2. An active item's place in curriculum order (from 0), NULL while retired: a practice draw is a
-- function of the items in that order, so the stored items draw the set the generated ones would.
-- And the name of the item's muscle, which a filter by name matches.
ALTER TABLE exam_item ADD COLUMN position INTEGER;
ALTER TABLE exam_item ADD COLUMN muscle_name TEXT NOT NULL DEFAULT '';

CREATE INDEX exam_item_position ON exam_item (position) WHERE position IS NOT NULL;
