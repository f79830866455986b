-- MuscleMemory database, migration 0014: the cards due on each day, kept by a trigger, for the
-- due counts.
--
-- `muscle study`'s header and `muscle stats` count the cards due today by walking the queue index
-- over every due card: 41,000 index entries and 4 ms at 1,000,000 cards, growing with the
-- collection. `due_day_count` holds, per deck and due day, how many active cards fall due then,
-- so the count is a sum over the days up to today (a few hundred rows), less the cards skipped
-- today (`buried_day`, found through the small partial index below).
--
-- Sync writes new card states without a due day, and no card state is deleted by normal use, so
-- only updates move a card between these counts: an answer or its undo (a new due day), retiring
-- or restoring it, moving it to another deck. `muscle check` compares the table with the cards.

CREATE TABLE due_day_count (
    deck_id INTEGER NOT NULL,
    due_day INTEGER NOT NULL,
    cards   INTEGER NOT NULL,
    PRIMARY KEY (deck_id, due_day)
) STRICT, WITHOUT ROWID;

INSERT INTO due_day_count (deck_id, due_day, cards)
SELECT deck_id, due_day, count(*) FROM card_state WHERE active = 1 AND due_day IS NOT NULL GROUP BY deck_id, due_day;

CREATE TRIGGER due_day_count_change AFTER UPDATE OF active, deck_id, due_day ON card_state
WHEN OLD.active IS NOT NEW.active OR OLD.deck_id IS NOT NEW.deck_id OR OLD.due_day IS NOT NEW.due_day
BEGIN
    UPDATE due_day_count SET cards = cards - 1 WHERE OLD.active = 1 AND deck_id = OLD.deck_id AND due_day = OLD.due_day;
    INSERT INTO due_day_count (deck_id, due_day, cards)
    SELECT NEW.deck_id, NEW.due_day, 1 WHERE NEW.active = 1 AND NEW.due_day IS NOT NULL
    ON CONFLICT DO UPDATE SET cards = cards + 1;
END;

CREATE TRIGGER due_day_count_remove AFTER DELETE ON card_state WHEN OLD.active = 1 AND OLD.due_day IS NOT NULL
BEGIN
    UPDATE due_day_count SET cards = cards - 1 WHERE deck_id = OLD.deck_id AND due_day = OLD.due_day;
END;

-- The cards skipped on some day: few, and only those are subtracted from a day's count.
CREATE INDEX card_state_buried ON card_state (buried_day) WHERE buried_day IS NOT NULL;
