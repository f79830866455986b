-- MuscleMemory database, migration 0011: answers per deck, day and prior interval, kept by triggers.
--
-- `muscle stats` shows answers per day and retention by the interval a card had when it was
-- reviewed (the interval its previous review produced). Read from `review`, that is every review
-- of the window plus, for each, a look-up of the card's previous review: ~90,000 rows and as many
-- index probes for 30 days of a 100,000-card collection (about 350 ms), growing with the
-- collection. `answer_day` holds the same counts already grouped, one row per deck, day and prior
-- interval, so the window is a range read of a few thousand rows whatever the history's size.
--
-- Unlike `topic_day`, stats count the answers of retired cards too (they were studied), so only
-- the card's deck decides where an answer is counted. The triggers keep it exact: an answer adds
-- to its card's deck and day, undoing it (deleting the review) takes it away, and a card that
-- moves to another deck takes its answers along. `muscle check` compares it with the review log.

CREATE TABLE answer_day (
    deck_id        INTEGER NOT NULL,
    day            INTEGER NOT NULL,
    prior_interval INTEGER NOT NULL,  -- reviews (kind 0): the interval the card had; -1 for re-drills and cram
    answers        INTEGER NOT NULL,
    correct        INTEGER NOT NULL,  -- graded 3 or more
    answer_ms      INTEGER NOT NULL,
    PRIMARY KEY (deck_id, day, prior_interval)
) STRICT, WITHOUT ROWID;

-- The interval a review's card had: the one its previous review (kind 0) produced, 0 if none.
CREATE VIEW review_prior AS
SELECT r.id, r.card_id, r.day, r.grade, r.answer_ms,
       CASE WHEN r.kind = 0 THEN coalesce((SELECT p.interval_days FROM review p
                                            WHERE p.card_id = r.card_id AND p.kind = 0 AND p.id < r.id
                                            ORDER BY p.id DESC LIMIT 1), 0)
            ELSE -1 END AS prior_interval
FROM review r;

INSERT INTO answer_day (deck_id, day, prior_interval, answers, correct, answer_ms)
SELECT s.deck_id, r.day, r.prior_interval, count(*), sum(r.grade >= 3), sum(r.answer_ms)
FROM review_prior r JOIN card_state s ON s.card_id = r.card_id
GROUP BY s.deck_id, r.day, r.prior_interval;

CREATE TRIGGER answer_day_answer AFTER INSERT ON review
BEGIN
    INSERT INTO answer_day (deck_id, day, prior_interval, answers, correct, answer_ms)
    SELECT s.deck_id, NEW.day,
           CASE WHEN NEW.kind = 0 THEN coalesce((SELECT p.interval_days FROM review p
                                                  WHERE p.card_id = NEW.card_id AND p.kind = 0 AND p.id < NEW.id
                                                  ORDER BY p.id DESC LIMIT 1), 0)
                ELSE -1 END,
           1, NEW.grade >= 3, NEW.answer_ms
    FROM card_state s WHERE s.card_id = NEW.card_id
    ON CONFLICT DO UPDATE SET answers = answers + 1, correct = correct + excluded.correct, answer_ms = answer_ms + excluded.answer_ms;
END;

CREATE TRIGGER answer_day_undo AFTER DELETE ON review
BEGIN
    UPDATE answer_day SET answers = answers - 1, correct = correct - (OLD.grade >= 3), answer_ms = answer_ms - OLD.answer_ms
    WHERE (deck_id, day, prior_interval) =
          (SELECT s.deck_id, OLD.day,
                  CASE WHEN OLD.kind = 0 THEN coalesce((SELECT p.interval_days FROM review p
                                                         WHERE p.card_id = OLD.card_id AND p.kind = 0 AND p.id < OLD.id
                                                         ORDER BY p.id DESC LIMIT 1), 0)
                       ELSE -1 END
           FROM card_state s WHERE s.card_id = OLD.card_id);
END;

CREATE TRIGGER answer_day_move AFTER UPDATE OF deck_id ON card_state
WHEN OLD.deck_id IS NOT NEW.deck_id
BEGIN
    INSERT INTO answer_day (deck_id, day, prior_interval, answers, correct, answer_ms)
    SELECT OLD.deck_id, r.day, r.prior_interval, -count(*), -sum(r.grade >= 3), -sum(r.answer_ms)
    FROM review_prior r WHERE r.card_id = OLD.card_id GROUP BY r.day, r.prior_interval
    ON CONFLICT DO UPDATE SET answers = answers + excluded.answers, correct = correct + excluded.correct, answer_ms = answer_ms + excluded.answer_ms;
    INSERT INTO answer_day (deck_id, day, prior_interval, answers, correct, answer_ms)
    SELECT NEW.deck_id, r.day, r.prior_interval, count(*), sum(r.grade >= 3), sum(r.answer_ms)
    FROM review_prior r WHERE r.card_id = NEW.card_id GROUP BY r.day, r.prior_interval
    ON CONFLICT DO UPDATE SET answers = answers + excluded.answers, correct = correct + excluded.correct, answer_ms = answer_ms + excluded.answer_ms;
END;
