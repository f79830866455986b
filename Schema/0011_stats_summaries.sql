-- MuscleMemory database, migration 0011: the summaries `muscle stats` reads, kept by triggers.
--
-- 1. `answer_day`: answers per deck, day and prior interval.
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

-- 2. `deck_state`: the active cards of each deck by state (learning, young, mature) and the time
-- spent on them. Counted from `card_state`, that is a scan of every card (about 40 ms at 100,000
-- cards, and the one part of `stats` that grew with the collection). A card state is written new
-- by sync (no repetitions, no due day, no time) and never deleted, so only updates move a card
-- between these counts: retiring or restoring it, moving it to another deck, or answering it. New
-- cards are not kept here: they are counted from the queue index (`due_day IS NULL`).

CREATE TABLE deck_state (
    deck_id  INTEGER PRIMARY KEY,
    learning INTEGER NOT NULL,   -- a due day, at most one repetition
    young    INTEGER NOT NULL,   -- two or more repetitions, interval under 21 days
    mature   INTEGER NOT NULL,   -- two or more repetitions, interval of 21 days or more
    study_ms INTEGER NOT NULL
) STRICT;

INSERT INTO deck_state (deck_id, learning, young, mature, study_ms)
SELECT deck_id, sum(due_day IS NOT NULL AND repetitions <= 1), sum(repetitions >= 2 AND interval_days < 21),
       sum(repetitions >= 2 AND interval_days >= 21), sum(study_ms)
FROM card_state WHERE active = 1 GROUP BY deck_id;

CREATE TRIGGER deck_state_change AFTER UPDATE OF active, deck_id, due_day, repetitions, interval_days, study_ms ON card_state
WHEN OLD.active IS NOT NEW.active OR OLD.deck_id IS NOT NEW.deck_id OR OLD.due_day IS NOT NEW.due_day
  OR OLD.repetitions IS NOT NEW.repetitions OR OLD.interval_days IS NOT NEW.interval_days OR OLD.study_ms IS NOT NEW.study_ms
BEGIN
    INSERT INTO deck_state (deck_id, learning, young, mature, study_ms)
    SELECT OLD.deck_id, -(OLD.due_day IS NOT NULL AND OLD.repetitions <= 1), -(OLD.repetitions >= 2 AND OLD.interval_days < 21),
           -(OLD.repetitions >= 2 AND OLD.interval_days >= 21), -OLD.study_ms
    WHERE OLD.active = 1
    ON CONFLICT DO UPDATE SET learning = learning + excluded.learning, young = young + excluded.young,
                              mature = mature + excluded.mature, study_ms = study_ms + excluded.study_ms;
    INSERT INTO deck_state (deck_id, learning, young, mature, study_ms)
    SELECT NEW.deck_id, NEW.due_day IS NOT NULL AND NEW.repetitions <= 1, NEW.repetitions >= 2 AND NEW.interval_days < 21,
           NEW.repetitions >= 2 AND NEW.interval_days >= 21, NEW.study_ms
    WHERE NEW.active = 1
    ON CONFLICT DO UPDATE SET learning = learning + excluded.learning, young = young + excluded.young,
                              mature = mature + excluded.mature, study_ms = study_ms + excluded.study_ms;
END;
