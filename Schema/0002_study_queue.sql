-- MuscleMemory database, migration 0002: today's study queue from one index.
--
-- Building the queue used to read every due card's full row (text included) scattered through
-- `card`: at 100,000 cards that was most of the time from `muscle study` to the first card. The
-- fields that order the queue are now copied into `card_state` (kept in step by sync, checked by
-- `muscle check`), so the queue and the day's counts come from one covering index, and a card's
-- text is read only when it is about to be shown.

ALTER TABLE card_state ADD COLUMN muscle_id INTEGER REFERENCES muscle (id);  -- copy of card.muscle_id
ALTER TABLE card_state ADD COLUMN aspect TEXT NOT NULL DEFAULT '';            -- copy of card.aspect
ALTER TABLE card_state ADD COLUMN position INTEGER NOT NULL DEFAULT 0;        -- copy of card.position

UPDATE card_state
SET muscle_id = (SELECT c.muscle_id FROM card c WHERE c.id = card_state.card_id),
    aspect    = (SELECT c.aspect    FROM card c WHERE c.id = card_state.card_id),
    position  = (SELECT c.position  FROM card c WHERE c.id = card_state.card_id);

-- Due cards in order (most overdue first, then deck order), new cards in deck order (due_day
-- NULL sorts first), and the counts that skip buried cards: all answered from this index.
DROP INDEX card_state_due;
CREATE INDEX card_state_queue ON card_state (deck_id, due_day, position, buried_day) WHERE active = 1;
