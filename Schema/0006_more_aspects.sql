-- MuscleMemory database, migration 0006: room for the aspects the curriculum's facts bring.
--
-- `card.aspect` is checked against a closed list. Palpation cards (one per muscle, from the
-- `## Palpation` section) need 'palpation'; the cards generated from the resolved facts need
-- 'movements', 'synergists' and 'antagonists'. SQLite cannot change a CHECK constraint in place,
-- so the table is rebuilt (https://www.sqlite.org/lang_altertable.html, "Making Other Kinds Of
-- Table Schema Changes"): foreign keys are off during a migration (GRDB checks them at its end),
-- every row keeps its id, so `card_state` and `review` still point at their cards. The view that
-- reads `card` is dropped first and created again after, unchanged.

DROP VIEW review_log;

CREATE TABLE card_new (
    id           INTEGER PRIMARY KEY,
    muscle_id    INTEGER NOT NULL REFERENCES muscle (id),
    item         TEXT    NOT NULL,
    aspect       TEXT    NOT NULL CHECK (aspect IN ('etymology', 'heads', 'origin', 'insertion',
                     'innervation', 'actions', 'trigger-points', 'exercises', 'palpation',
                     'movements', 'synergists', 'antagonists', 'custom')),
    tags         TEXT    NOT NULL DEFAULT '',
    front        TEXT    NOT NULL,
    back         TEXT    NOT NULL,
    source_line  INTEGER NOT NULL,
    position     INTEGER NOT NULL,
    content_hash INTEGER NOT NULL,
    created_at   INTEGER NOT NULL,
    retired_at   INTEGER,
    UNIQUE (muscle_id, item)
) STRICT;

INSERT INTO card_new (id, muscle_id, item, aspect, tags, front, back, source_line, position, content_hash, created_at, retired_at)
SELECT id, muscle_id, item, aspect, tags, front, back, source_line, position, content_hash, created_at, retired_at FROM card;

DROP TABLE card;
ALTER TABLE card_new RENAME TO card;

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
