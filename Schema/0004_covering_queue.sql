-- MuscleMemory database, migration 0004: the study queue read from its index alone.
--
-- Building today's queue reads every due card's order (due day, deck position) and, to keep
-- siblings (cards of one muscle and aspect) apart, its muscle and aspect. With only the order in
-- `card_state_queue`, each of the ~4,000 due cards of a 100,000-card collection cost a lookup in
-- `card_state`, about 3,000 table pages read before the first card could be shown. With the
-- muscle and the aspect in the index, the queue is read from a few dozen index pages.

DROP INDEX card_state_queue;
CREATE INDEX card_state_queue ON card_state (deck_id, due_day, position, buried_day, muscle_id, aspect) WHERE active = 1;
