-- MuscleMemory database, migration 0005: reviews per topic and day, kept by triggers.
--
-- The weak-topic report's window ("the last 30 days") and its retention by week need, for every
-- first answer of a day in the window, the card's muscle and aspect. Read from `review` joined to
-- `card_state`, that is one table lookup per review: ~40,000 lookups and a sort for a 30-day window
-- of a 100,000-card collection (about 40 ms). `topic_day` holds the same counts already grouped,
-- one row per deck, day, muscle and aspect with any first answers (~50,000 rows for two years of
-- that collection, 1.5 MB), so the window is a range read of a few hundred rows.
--
-- The triggers below keep it exact, so no write path can forget it: a first answer of a day
-- (kind 0) adds to its card's topic and day; undoing it (deleting the review) takes it away; a card
-- that is retired takes all its first answers out, and a card that returns, or moves to another
-- deck, muscle or aspect, brings them back under its new place. Like the report, it counts the
-- reviews of active cards only. `muscle check` compares it with the review log.

CREATE TABLE topic_day (
    deck_id   INTEGER NOT NULL,
    day       INTEGER NOT NULL,
    muscle_id INTEGER NOT NULL,   -- 0 for a card without a muscle (none are written so)
    aspect    TEXT NOT NULL,
    reviews   INTEGER NOT NULL,   -- first answers of the day (kind 0)
    correct   INTEGER NOT NULL,   -- of which graded 3 or more
    PRIMARY KEY (deck_id, day, muscle_id, aspect)
) STRICT, WITHOUT ROWID;

INSERT INTO topic_day (deck_id, day, muscle_id, aspect, reviews, correct)
SELECT s.deck_id, r.day, coalesce(s.muscle_id, 0), s.aspect, count(*), sum(r.grade >= 3)
FROM review r JOIN card_state s ON s.card_id = r.card_id
WHERE r.kind = 0 AND s.active = 1
GROUP BY s.deck_id, r.day, coalesce(s.muscle_id, 0), s.aspect;

CREATE TRIGGER topic_day_answer AFTER INSERT ON review WHEN NEW.kind = 0
BEGIN
    INSERT INTO topic_day (deck_id, day, muscle_id, aspect, reviews, correct)
    SELECT s.deck_id, NEW.day, coalesce(s.muscle_id, 0), s.aspect, 1, NEW.grade >= 3
    FROM card_state s WHERE s.card_id = NEW.card_id AND s.active = 1
    ON CONFLICT DO UPDATE SET reviews = reviews + 1, correct = correct + excluded.correct;
END;

CREATE TRIGGER topic_day_undo AFTER DELETE ON review WHEN OLD.kind = 0
BEGIN
    UPDATE topic_day SET reviews = reviews - 1, correct = correct - (OLD.grade >= 3)
    WHERE (deck_id, day, muscle_id, aspect) =
          (SELECT s.deck_id, OLD.day, coalesce(s.muscle_id, 0), s.aspect
           FROM card_state s WHERE s.card_id = OLD.card_id AND s.active = 1);
END;

CREATE TRIGGER topic_day_move AFTER UPDATE OF active, deck_id, muscle_id, aspect ON card_state
WHEN OLD.active IS NOT NEW.active OR OLD.deck_id IS NOT NEW.deck_id
  OR OLD.muscle_id IS NOT NEW.muscle_id OR OLD.aspect IS NOT NEW.aspect
BEGIN
    -- Out of its old place, if it was counted there.
    INSERT INTO topic_day (deck_id, day, muscle_id, aspect, reviews, correct)
    SELECT OLD.deck_id, r.day, coalesce(OLD.muscle_id, 0), OLD.aspect, -count(*), -sum(r.grade >= 3)
    FROM review r WHERE r.card_id = OLD.card_id AND r.kind = 0 AND OLD.active = 1
    GROUP BY r.day
    ON CONFLICT DO UPDATE SET reviews = reviews + excluded.reviews, correct = correct + excluded.correct;
    -- Into its new place, if it is counted there.
    INSERT INTO topic_day (deck_id, day, muscle_id, aspect, reviews, correct)
    SELECT NEW.deck_id, r.day, coalesce(NEW.muscle_id, 0), NEW.aspect, count(*), sum(r.grade >= 3)
    FROM review r WHERE r.card_id = NEW.card_id AND r.kind = 0 AND NEW.active = 1
    GROUP BY r.day
    ON CONFLICT DO UPDATE SET reviews = reviews + excluded.reviews, correct = correct + excluded.correct;
END;
