-- MuscleMemory database, migration 0008: what an Anki export needs to remember about a card.
--
-- `muscle export --anki` gives every card an Anki note whose GUID Anki matches on re-import. The
-- GUID is derived from the card's ID, but a rewording gives a card a new ID while `muscle sync`
-- carries its history over: the note must keep its first GUID, or Anki would hold the card twice.
-- So the ID a card had when it was created is kept (`first_id`), and sync never changes it.
--
-- Anki updates a note on re-import only when the incoming note's `mod` is newer than its own, so
-- `notes.mod` must be the time the card's text last changed, not the export's time: then a
-- re-export updates the notes that changed and leaves the rest (and a student's own edits in Anki)
-- alone. `changed_at` is set by sync when a card is added or its text changes (its content hash).
-- Existing cards get their creation time and their current ID.

ALTER TABLE card ADD COLUMN first_id TEXT NOT NULL DEFAULT '';
ALTER TABLE card ADD COLUMN changed_at INTEGER NOT NULL DEFAULT 0;

UPDATE card
SET first_id = (SELECT m.key || '/' || card.item FROM muscle m WHERE m.id = card.muscle_id),
    changed_at = created_at;
