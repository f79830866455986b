-- MuscleMemory database, migration 0001: the first layout.
--
-- Conventions
--   * Times (`*_at`) are Unix time in milliseconds. Study days (`*_day`) are whole days since
--     1970-01-01 (the SM2 module's `Day`); a study day starts at the rollover hour, so the day of a
--     review is recorded, not recomputed.
--   * Easiness is kept in hundredths (250 = 2.50), exactly as the scheduler computes it.
--   * Tables are STRICT; foreign keys are enforced (the connection turns them on).
--   * Nothing is ever deleted by normal use: a card that leaves its deck is retired
--     (`card.retired_at`), and keeps its state and reviews.

-- A deck folder (or file), or the bundled decks ('bundled').
CREATE TABLE deck (
    id             INTEGER PRIMARY KEY,
    path           TEXT    NOT NULL UNIQUE,
    title          TEXT    NOT NULL,
    author         TEXT    NOT NULL DEFAULT '',
    description    TEXT    NOT NULL DEFAULT '',
    -- Fingerprint of every file's path and text at the last sync: equal means nothing changed.
    content_hash   TEXT    NOT NULL,
    -- Fingerprint of file names, sizes and modification times: when equal, sync does not even
    -- read the files.
    stat_signature TEXT    NOT NULL DEFAULT '',
    synced_at      INTEGER NOT NULL
) STRICT;

-- One muscle (or group) of a deck, from one deck file.
CREATE TABLE muscle (
    id          INTEGER PRIMARY KEY,
    deck_id     INTEGER NOT NULL REFERENCES deck (id),
    key         TEXT    NOT NULL,     -- 'gastrocnemius': the first part of its cards' IDs
    name        TEXT    NOT NULL,     -- 'Gastrocnemius'
    region      TEXT    NOT NULL,     -- 'Lower leg and foot'
    source_file TEXT    NOT NULL,
    UNIQUE (deck_id, key)
) STRICT;

-- A generated card. Its stable ID is `muscle.key || '/' || card.item`.
CREATE TABLE card (
    id           INTEGER PRIMARY KEY,
    muscle_id    INTEGER NOT NULL REFERENCES muscle (id),
    item         TEXT    NOT NULL,    -- 'origin', 'actions/reverse', 'trigger-points/medial-belly'
    aspect       TEXT    NOT NULL CHECK (aspect IN ('etymology', 'heads', 'origin', 'insertion',
                     'innervation', 'actions', 'trigger-points', 'exercises', 'custom')),
    tags         TEXT    NOT NULL DEFAULT '',   -- ',calf,exam,': each tag between commas
    front        TEXT    NOT NULL,
    back         TEXT    NOT NULL,
    source_line  INTEGER NOT NULL,
    position     INTEGER NOT NULL,    -- deck order: new cards are introduced in this order
    content_hash INTEGER NOT NULL,    -- of what the student sees; a change counts as an update
    created_at   INTEGER NOT NULL,
    retired_at   INTEGER,             -- set while the card is not in its deck
    UNIQUE (muscle_id, item)
) STRICT;

-- The SM-2 state of each card, and what a study day needs to know about it.
CREATE TABLE card_state (
    card_id         INTEGER PRIMARY KEY REFERENCES card (id),
    -- Copies of the card's deck and retirement, so "due today" is answered from one index.
    deck_id         INTEGER NOT NULL REFERENCES deck (id),
    active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    repetitions     INTEGER NOT NULL DEFAULT 0 CHECK (repetitions >= 0),
    interval_days   INTEGER NOT NULL DEFAULT 0 CHECK (interval_days >= 0),
    easiness        INTEGER NOT NULL DEFAULT 250 CHECK (easiness >= 130),
    due_day         INTEGER,          -- NULL while new
    lapses          INTEGER NOT NULL DEFAULT 0 CHECK (lapses >= 0),
    last_review_day INTEGER,          -- NULL while new
    introduced_day  INTEGER,          -- the day of its first answer
    redrill_day     INTEGER,          -- graded below 4 on this day: drilled again before it ends
    buried_day      INTEGER,          -- skipped: hidden for the rest of this day
    -- Running totals over first answers of a day, so all-time reports need no scan of `review`.
    reviews         INTEGER NOT NULL DEFAULT 0,
    correct         INTEGER NOT NULL DEFAULT 0,   -- graded 3 or more
    study_ms        INTEGER NOT NULL DEFAULT 0    -- time spent answering, all kinds of answer
) STRICT;

CREATE INDEX card_state_due ON card_state (deck_id, due_day) WHERE active = 1;
CREATE INDEX card_state_redrill ON card_state (redrill_day) WHERE redrill_day IS NOT NULL;

CREATE TABLE study_session (
    id         INTEGER PRIMARY KEY,
    started_at INTEGER NOT NULL,
    ended_at   INTEGER,               -- NULL while running (or if the process was killed)
    day        INTEGER NOT NULL,
    mode       TEXT    NOT NULL CHECK (mode IN ('study', 'cram'))
) STRICT;

-- Every answer ever given, appended as it is committed.
--
-- kind 0 (review): the first answer of a study day to a due or new card; it moved the schedule,
--   and the row records the state it produced: repetitions, interval, easiness, lapses, with
--   due_day = day + interval_days and last_review_day = day.
-- kind 1 (re-drill): a later answer the same day (SM-2's step 7); kind 2 (cram): practice that
--   does not count. Neither changes the state, so their state columns are NULL.
--
-- The state *before* an answer is the state produced by the card's previous kind-0 review (a new
-- card's state if there is none). It is derived rather than stored a second time: that keeps a
-- collection of 2,000,000 reviews well inside its size budget. The view `review_log` shows the
-- state before and after every review side by side.
CREATE TABLE review (
    id            INTEGER PRIMARY KEY,
    card_id       INTEGER NOT NULL REFERENCES card (id),
    session_id    INTEGER REFERENCES study_session (id),
    reviewed_at   INTEGER NOT NULL,
    day           INTEGER NOT NULL,
    grade         INTEGER NOT NULL CHECK (grade BETWEEN 0 AND 5),
    kind          INTEGER NOT NULL CHECK (kind IN (0, 1, 2)),
    answer_ms     INTEGER NOT NULL CHECK (answer_ms >= 0),
    repetitions   INTEGER,
    interval_days INTEGER,
    easiness      INTEGER,
    lapses        INTEGER,
    CHECK ((kind = 0) = (repetitions IS NOT NULL AND interval_days IS NOT NULL
                          AND easiness IS NOT NULL AND lapses IS NOT NULL))
) STRICT;

-- Per-card history.
CREATE INDEX review_card ON review (card_id);

-- The first review id recorded for each study day: a lower bound that turns "reviews since day D"
-- into a range scan of `review` by id, with no index over 2,000,000 rows.
CREATE TABLE review_day (
    day             INTEGER PRIMARY KEY,
    first_review_id INTEGER NOT NULL
) STRICT;

CREATE VIEW review_log AS
SELECT r.id,
       r.card_id,
       m.key || '/' || c.item                      AS card,
       r.session_id,
       r.reviewed_at,
       r.day,
       r.grade,
       CASE r.kind WHEN 0 THEN 'review' WHEN 1 THEN 'redrill' ELSE 'cram' END AS kind,
       r.answer_ms,
       coalesce(p.repetitions, 0)                  AS before_repetitions,
       coalesce(p.interval_days, 0)                AS before_interval_days,
       coalesce(p.easiness, 250)                   AS before_easiness,
       p.day + p.interval_days                     AS before_due_day,
       coalesce(p.lapses, 0)                       AS before_lapses,
       p.day                                       AS before_last_review_day,
       CASE WHEN r.kind = 0 THEN r.repetitions ELSE coalesce(p.repetitions, 0) END     AS after_repetitions,
       CASE WHEN r.kind = 0 THEN r.interval_days ELSE coalesce(p.interval_days, 0) END AS after_interval_days,
       CASE WHEN r.kind = 0 THEN r.easiness ELSE coalesce(p.easiness, 250) END        AS after_easiness,
       CASE WHEN r.kind = 0 THEN r.day + r.interval_days ELSE p.day + p.interval_days END AS after_due_day,
       CASE WHEN r.kind = 0 THEN r.lapses ELSE coalesce(p.lapses, 0) END              AS after_lapses,
       CASE WHEN r.kind = 0 THEN r.day ELSE p.day END                                 AS after_last_review_day
FROM review r
JOIN card c ON c.id = r.card_id
JOIN muscle m ON m.id = c.muscle_id
LEFT JOIN review p ON p.id = (SELECT max(q.id) FROM review q
                              WHERE q.card_id = r.card_id AND q.kind = 0 AND q.id < r.id);
