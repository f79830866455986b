-- MuscleMemory database, migration 0007: each study session counts the answers it recorded.
--
-- `muscle check` compares the review log with the sessions it records: a session whose count is
-- larger than its reviews lost answers after they were acknowledged (the -wal deleted by hand
-- under a running session, pages of a damaged file, a copy restored over part of the history).
-- The count is kept by the answer's own transaction (one UPDATE by primary key) and taken back by
-- undo, so it can only disagree with the reviews when something outside muscle changed the file.
-- Existing sessions get the count of their reviews.

ALTER TABLE study_session ADD COLUMN answers INTEGER NOT NULL DEFAULT 0 CHECK (answers >= 0);

UPDATE study_session SET answers = (SELECT count(*) FROM review r WHERE r.session_id = study_session.id);
