-- MuscleMemory database, migration 0013: the weak-topic report's all-time figures, kept by
-- triggers, and lighter triggers for the other summaries an answer updates.
--
-- 1. `topic_state`.
--
-- `muscle report` ranks every topic (a muscle and an aspect) by its cards' totals: how many
-- cards, seen, not yet learned, their first answers of a day and how many were correct, their
-- lapses and easiness. Summed from `card_state` (the covering index `card_state_topic`), that is
-- a read of every active card: about 20 ms of the report's 35 at 100,000 cards, and growing with
-- the collection. `topic_state` holds the same sums, one row per deck, muscle and aspect, so the
-- report reads a few hundred rows whatever the collection's size. (With an exam date the report
-- still reads the cards: which are ready depends on the date.)
--
-- It counts active cards only, as the report does, and is kept exact by the one writer of new
-- card states and by triggers: sync, which alone inserts card states, adds a deck's new cards to
-- their topics in one statement after writing them (`AppDatabase+Sync.swift`; a trigger per
-- inserted card made a fresh sync of 100,000 cards a tenth slower); a change to one of the summed
-- columns moves its topic's sums by the difference; a change to its place or its activity takes
-- its old values out of the old topic and puts its new ones into the new one. A card state
-- is never deleted by normal use; deleting one takes it out too. `muscle check` compares the
-- table with the cards.

CREATE TABLE topic_state (
    deck_id      INTEGER NOT NULL,
    muscle_id    INTEGER NOT NULL,   -- 0 for a card without a muscle (none are written so)
    aspect       TEXT    NOT NULL,
    cards        INTEGER NOT NULL,
    seen         INTEGER NOT NULL,   -- answered at least once (reviews > 0)
    not_learned  INTEGER NOT NULL,   -- repetitions = 0
    reviews      INTEGER NOT NULL,
    correct      INTEGER NOT NULL,
    lapses       INTEGER NOT NULL,
    easiness_sum INTEGER NOT NULL,   -- of the seen cards, in hundredths
    PRIMARY KEY (deck_id, muscle_id, aspect)
) STRICT, WITHOUT ROWID;

INSERT INTO topic_state (deck_id, muscle_id, aspect, cards, seen, not_learned, reviews, correct, lapses, easiness_sum)
SELECT deck_id, coalesce(muscle_id, 0), aspect, count(*), sum(reviews > 0), sum(repetitions = 0), sum(reviews), sum(correct), sum(lapses),
       sum(CASE WHEN reviews > 0 THEN easiness ELSE 0 END)
FROM card_state WHERE active = 1
GROUP BY deck_id, coalesce(muscle_id, 0), aspect;

-- An answer (or its undo) changes a card's sums in its place: one update by key, of the
-- differences. (Two upserts, as a move needs, made a durable answer a tenth slower.)
CREATE TRIGGER topic_state_change AFTER UPDATE OF reviews, correct, lapses, repetitions, easiness ON card_state
WHEN OLD.active = 1 AND NEW.active = 1 AND OLD.deck_id IS NEW.deck_id AND OLD.muscle_id IS NEW.muscle_id AND OLD.aspect IS NEW.aspect
  AND (OLD.reviews IS NOT NEW.reviews OR OLD.correct IS NOT NEW.correct OR OLD.lapses IS NOT NEW.lapses
       OR OLD.repetitions IS NOT NEW.repetitions OR OLD.easiness IS NOT NEW.easiness)
BEGIN
    UPDATE topic_state SET seen = seen + (NEW.reviews > 0) - (OLD.reviews > 0), not_learned = not_learned + (NEW.repetitions = 0) - (OLD.repetitions = 0),
        reviews = reviews + NEW.reviews - OLD.reviews, correct = correct + NEW.correct - OLD.correct, lapses = lapses + NEW.lapses - OLD.lapses,
        easiness_sum = easiness_sum + (CASE WHEN NEW.reviews > 0 THEN NEW.easiness ELSE 0 END) - (CASE WHEN OLD.reviews > 0 THEN OLD.easiness ELSE 0 END)
    WHERE deck_id = NEW.deck_id AND muscle_id = coalesce(NEW.muscle_id, 0) AND aspect = NEW.aspect;
END;

-- Retired, restored, or moved to another deck, muscle or aspect: out of the old place, into the new.
CREATE TRIGGER topic_state_move AFTER UPDATE OF active, deck_id, muscle_id, aspect, reviews, correct, lapses, repetitions, easiness ON card_state
WHEN OLD.active IS NOT NEW.active OR OLD.deck_id IS NOT NEW.deck_id OR OLD.muscle_id IS NOT NEW.muscle_id OR OLD.aspect IS NOT NEW.aspect
BEGIN
    INSERT INTO topic_state (deck_id, muscle_id, aspect, cards, seen, not_learned, reviews, correct, lapses, easiness_sum)
    SELECT OLD.deck_id, coalesce(OLD.muscle_id, 0), OLD.aspect, -1, -(OLD.reviews > 0), -(OLD.repetitions = 0), -OLD.reviews, -OLD.correct, -OLD.lapses,
           -(CASE WHEN OLD.reviews > 0 THEN OLD.easiness ELSE 0 END)
    WHERE OLD.active = 1
    ON CONFLICT DO UPDATE SET cards = cards + excluded.cards, seen = seen + excluded.seen, not_learned = not_learned + excluded.not_learned,
        reviews = reviews + excluded.reviews, correct = correct + excluded.correct, lapses = lapses + excluded.lapses,
        easiness_sum = easiness_sum + excluded.easiness_sum;
    INSERT INTO topic_state (deck_id, muscle_id, aspect, cards, seen, not_learned, reviews, correct, lapses, easiness_sum)
    SELECT NEW.deck_id, coalesce(NEW.muscle_id, 0), NEW.aspect, 1, NEW.reviews > 0, NEW.repetitions = 0, NEW.reviews, NEW.correct, NEW.lapses,
           CASE WHEN NEW.reviews > 0 THEN NEW.easiness ELSE 0 END
    WHERE NEW.active = 1
    ON CONFLICT DO UPDATE SET cards = cards + excluded.cards, seen = seen + excluded.seen, not_learned = not_learned + excluded.not_learned,
        reviews = reviews + excluded.reviews, correct = correct + excluded.correct, lapses = lapses + excluded.lapses,
        easiness_sum = easiness_sum + excluded.easiness_sum;
END;

CREATE TRIGGER topic_state_remove AFTER DELETE ON card_state WHEN OLD.active = 1
BEGIN
    UPDATE topic_state SET cards = cards - 1, seen = seen - (OLD.reviews > 0), not_learned = not_learned - (OLD.repetitions = 0),
        reviews = reviews - OLD.reviews, correct = correct - OLD.correct, lapses = lapses - OLD.lapses,
        easiness_sum = easiness_sum - (CASE WHEN OLD.reviews > 0 THEN OLD.easiness ELSE 0 END)
    WHERE deck_id = OLD.deck_id AND muscle_id = coalesce(OLD.muscle_id, 0) AND aspect = OLD.aspect;
END;

-- 2. The answer's other summaries, with less work per answer (the sums above add one update).
--
-- `deck_state` (0011) took a card's old counts out and put its new ones in with two upserts for
-- every answer; an answer leaves the card in its deck, so one upsert of the differences does.
DROP TRIGGER deck_state_change;

CREATE TRIGGER deck_state_change AFTER UPDATE OF due_day, repetitions, interval_days, study_ms ON card_state
WHEN OLD.active = 1 AND NEW.active = 1 AND OLD.deck_id IS NEW.deck_id
  AND (OLD.due_day IS NOT NEW.due_day OR OLD.repetitions IS NOT NEW.repetitions OR OLD.interval_days IS NOT NEW.interval_days
       OR OLD.study_ms IS NOT NEW.study_ms)
BEGIN
    -- An upsert, not an update: a deck whose cards were all new has no row yet.
    INSERT INTO deck_state (deck_id, learning, young, mature, study_ms)
    VALUES (NEW.deck_id,
            (NEW.due_day IS NOT NULL AND NEW.repetitions <= 1) - (OLD.due_day IS NOT NULL AND OLD.repetitions <= 1),
            (NEW.repetitions >= 2 AND NEW.interval_days < 21) - (OLD.repetitions >= 2 AND OLD.interval_days < 21),
            (NEW.repetitions >= 2 AND NEW.interval_days >= 21) - (OLD.repetitions >= 2 AND OLD.interval_days >= 21),
            NEW.study_ms - OLD.study_ms)
    ON CONFLICT DO UPDATE SET learning = learning + excluded.learning, young = young + excluded.young,
                              mature = mature + excluded.mature, study_ms = study_ms + excluded.study_ms;
END;

CREATE TRIGGER deck_state_move AFTER UPDATE OF active, deck_id ON card_state
WHEN OLD.active IS NOT NEW.active OR OLD.deck_id IS NOT NEW.deck_id
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

-- `answer_day` (0011) looked up each review's prior interval in the card's history (an index
-- probe of `review_card`). The card's state holds it already: this trigger runs after the review
-- row is written and before the state is updated, and the state's interval is the one its last
-- review produced (0 while new), which `muscle check` holds it to.
DROP TRIGGER answer_day_answer;

CREATE TRIGGER answer_day_answer AFTER INSERT ON review
BEGIN
    INSERT INTO answer_day (deck_id, day, prior_interval, answers, correct, answer_ms)
    SELECT s.deck_id, NEW.day, CASE WHEN NEW.kind = 0 THEN s.interval_days ELSE -1 END, 1, NEW.grade >= 3, NEW.answer_ms
    FROM card_state s WHERE s.card_id = NEW.card_id
    ON CONFLICT DO UPDATE SET answers = answers + 1, correct = correct + excluded.correct, answer_ms = answer_ms + excluded.answer_ms;
END;
