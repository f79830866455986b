-- MuscleMemory database, migration 0009: exam practice (issue 14; Docs/EXAM.md).
--
-- `muscle exam` asks multiple-choice items generated from the curriculum's resolved facts. The
-- items are not written in any deck: they are regenerated from the decks and vocabulary, and
-- stored here so that their history accumulates across sessions and deck edits.
--
-- 1. `exam_item`: every item the curriculum has generated. Its ID is a hash of its template, the
-- facts its stem names and its key (Docs/EXAM.md, "Item IDs"), so the same question keeps its ID
-- and its history. An item whose facts change gets a new ID: the old one is retired
-- (`retired_at`), like a card that leaves its deck, and keeps its answers. The shown text (stem,
-- options in their order, explanation) may change under one ID when only the distractors or the
-- wording change (a new muscle resolves and becomes a better distractor): `changed_at` records it,
-- and each answer keeps the text of the option chosen. An item generated again is restored.
CREATE TABLE exam_item (
    id           TEXT    PRIMARY KEY,   -- 'muscle-nerve/3f9c0a1b2d4e5f60': template '/' 16 hex digits
    template     TEXT    NOT NULL,      -- 'muscle-nerve', 'movement-muscle', ... (Docs/EXAM.md)
    aspect       TEXT    NOT NULL,      -- the card aspect the template tests: 'innervation', 'actions', ...
    muscle_key   TEXT    NOT NULL,      -- the muscle the item is about (the stem's muscle, or the key)
    region       TEXT    NOT NULL,      -- that muscle's region, as its deck names it
    stem         TEXT    NOT NULL,
    option_a     TEXT    NOT NULL,
    option_b     TEXT    NOT NULL,
    option_c     TEXT    NOT NULL,
    option_d     TEXT    NOT NULL,
    key_index    INTEGER NOT NULL CHECK (key_index BETWEEN 0 AND 3),  -- 0 = a ... 3 = d
    explanation  TEXT    NOT NULL,
    content_hash TEXT    NOT NULL,      -- of the shown text: a change counts as an update
    created_at   INTEGER NOT NULL,
    changed_at   INTEGER NOT NULL,
    retired_at   INTEGER                -- set while the curriculum does not generate the item
) STRICT;

CREATE INDEX exam_item_muscle ON exam_item (muscle_key);

-- 2. `exam_session`: one practice set or mock exam. `items` is the number of items drawn (a mock
-- exam's unanswered items, when the time runs out or the student quits, count as wrong);
-- `minutes` is the time limit (NULL for practice, which is untimed). `answered` and `correct` are
-- kept by the triggers below, so they are exact even for an exam that was killed (`ended_at` NULL).
CREATE TABLE exam_session (
    id         INTEGER PRIMARY KEY,
    kind       TEXT    NOT NULL CHECK (kind IN ('practice', 'mock')),
    started_at INTEGER NOT NULL,
    day        INTEGER NOT NULL,
    items      INTEGER NOT NULL CHECK (items > 0),
    minutes    INTEGER CHECK (minutes > 0),
    seed       INTEGER NOT NULL,
    ended_at   INTEGER,                -- NULL while running (or if the process was killed)
    end_reason TEXT    CHECK (end_reason IN ('finished', 'quit', 'time')),
    answered   INTEGER NOT NULL DEFAULT 0 CHECK (answered >= 0),
    correct    INTEGER NOT NULL DEFAULT 0 CHECK (correct >= 0),
    CHECK ((ended_at IS NULL) = (end_reason IS NULL)),
    CHECK (kind = 'practice' OR minutes IS NOT NULL)
) STRICT;

CREATE INDEX exam_session_started ON exam_session (started_at);

-- 3. `exam_answer`: every answer, committed before the next item is shown. `choice` is the
-- position of the option chosen as shown (0 = a), `chosen` its text, `correct` whether it was the
-- key. `position` is the item's place in its session (1 = first).
CREATE TABLE exam_answer (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES exam_session (id),
    item_id     TEXT    NOT NULL REFERENCES exam_item (id),
    position    INTEGER NOT NULL CHECK (position >= 1),
    choice      INTEGER NOT NULL CHECK (choice BETWEEN 0 AND 3),
    chosen      TEXT    NOT NULL,
    correct     INTEGER NOT NULL CHECK (correct IN (0, 1)),
    answer_ms   INTEGER NOT NULL CHECK (answer_ms >= 0),
    answered_at INTEGER NOT NULL,
    day         INTEGER NOT NULL,
    UNIQUE (session_id, position)
) STRICT;

CREATE INDEX exam_answer_item ON exam_answer (item_id);
CREATE INDEX exam_answer_day ON exam_answer (day);

CREATE TRIGGER exam_answer_count AFTER INSERT ON exam_answer
BEGIN
    UPDATE exam_session SET answered = answered + 1, correct = correct + NEW.correct WHERE id = NEW.session_id;
END;

CREATE TRIGGER exam_answer_undo AFTER DELETE ON exam_answer
BEGIN
    UPDATE exam_session SET answered = answered - 1, correct = correct - OLD.correct WHERE id = OLD.session_id;
END;
