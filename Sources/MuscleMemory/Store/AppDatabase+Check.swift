import GRDB

/// What `muscle check` found: SQLite's own checks, then the project's invariants.
public struct CheckReport: Sendable, Equatable {
    public var problems: [String]
    public var cards: Int
    public var reviews: Int

    public var isClean: Bool { problems.isEmpty }
}

extension AppDatabase {
    /// Study sessions whose count of answers (kept by each answer's transaction) disagrees with
    /// the review log: answers acknowledged to the student and then lost (a -wal deleted under a
    /// running session, a damaged file, a copy restored over part of it), or reviews that no
    /// session counted. One line, naming the first few sessions.
    static func sessionsMissingAnswers(_ db: Database) throws -> [String] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT s.id, s.answers, coalesce(r.n, 0) AS reviews FROM study_session s
            LEFT JOIN (SELECT session_id, count(*) AS n FROM review WHERE session_id IS NOT NULL GROUP BY session_id) r ON r.session_id = s.id
            WHERE s.answers <> coalesce(r.n, 0) ORDER BY s.id
            """)
        guard !rows.isEmpty else { return [] }
        let named = rows.prefix(3).map { row in
            "session \(row["id"] as Int64): \(row["answers"] as Int) answer\((row["answers"] as Int) == 1 ? "" : "s") recorded, \(row["reviews"] as Int) in the review log"
        }
        let more = rows.count > 3 ? "; \(rows.count - 3) more" : ""
        let sessions = rows.count == 1 ? "1 study session whose" : "\(rows.count) study sessions whose"
        return ["\(sessions) answers disagree with the review log, as when answers are lost after they were saved (\(named.joined(separator: "; "))\(more))"]
    }

    /// Runs `PRAGMA integrity_check`, `PRAGMA foreign_key_check`, and the invariants the program
    /// relies on: every card has a state, no review points at a missing card, every card's state is
    /// the one its reviews produced, the running totals match the reviews.
    public func check() throws(StoreError) -> CheckReport {
        try read { db in
            var problems: [String] = []
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            if integrity != ["ok"] {
                problems += integrity.prefix(20).map { "integrity: \($0)" }
            }
            let foreignKeys = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            for row in foreignKeys.prefix(20) {
                problems.append("foreign key: row \(row["rowid"] as Int64? ?? 0) of \(row["table"] as String? ?? "?") points at a missing \(row["parent"] as String? ?? "?")")
            }
            func count(_ sql: SQL) throws -> Int { try Int.fetchOne(db, literal: sql) ?? 0 }
            let review = ScoringRules.kind("kind", is: .review)
            let invariants: [(String, SQL)] = [
                ("cards without a state", "SELECT count(*) FROM card LEFT JOIN card_state s ON s.card_id = card.id WHERE s.card_id IS NULL"),
                ("states without a card", "SELECT count(*) FROM card_state s LEFT JOIN card ON card.id = s.card_id WHERE card.id IS NULL"),
                ("reviews of a missing card", "SELECT count(*) FROM review r LEFT JOIN card ON card.id = r.card_id WHERE card.id IS NULL"),
                ("states whose copies of their card's deck, muscle, aspect, position or retirement disagree with it", """
                    SELECT count(*) FROM card_state s JOIN card c ON c.id = s.card_id JOIN muscle m ON m.id = c.muscle_id
                    WHERE s.deck_id <> m.deck_id OR s.active <> (c.retired_at IS NULL) OR s.muscle_id IS NOT c.muscle_id
                       OR s.aspect <> c.aspect OR s.position <> c.position
                    """),
                ("card states that differ from the state their last review produced", """
                    SELECT count(*) FROM card_state s
                    LEFT JOIN review r ON r.id = (SELECT max(id) FROM review q WHERE q.card_id = s.card_id AND q.\(sql: review))
                    WHERE (r.id IS NULL AND (s.repetitions <> 0 OR s.interval_days <> 0 OR s.due_day IS NOT NULL OR s.lapses <> 0 OR s.last_review_day IS NOT NULL))
                       OR (r.id IS NOT NULL AND (s.repetitions <> r.repetitions OR s.interval_days <> r.interval_days OR s.easiness <> r.easiness
                           OR s.lapses <> r.lapses OR s.due_day IS NOT r.day + r.interval_days OR s.last_review_day IS NOT r.day))
                    """),
                ("running totals that differ from the reviews", """
                    SELECT count(*) FROM card_state s
                    LEFT JOIN (SELECT card_id, sum(\(sql: review)) AS n, sum(\(sql: review) AND \(sql: ScoringRules.correct(grade: "grade"))) AS ok,
                                      sum(answer_ms) AS ms
                               FROM review GROUP BY card_id) t
                      ON t.card_id = s.card_id
                    WHERE s.reviews <> coalesce(t.n, 0) OR s.correct <> coalesce(t.ok, 0) OR s.study_ms <> coalesce(t.ms, 0)
                    """),
                ("study days whose first review is recorded too late",
                 "SELECT count(*) FROM (SELECT day, min(id) AS first FROM review GROUP BY day) r LEFT JOIN review_day d ON d.day = r.day WHERE d.day IS NULL OR d.first_review_id > r.first"),
                ("topic-day counts that differ from the reviews", """
                    WITH actual AS (
                        SELECT s.deck_id, r.day, coalesce(s.muscle_id, 0) AS muscle_id, s.aspect, count(*) AS n, sum(\(sql: ScoringRules.correct(grade: "r.grade"))) AS ok
                        FROM review r JOIN card_state s ON s.card_id = r.card_id
                        WHERE r.\(sql: review) AND s.active = 1 GROUP BY 1, 2, 3, 4),
                    kept AS (SELECT * FROM topic_day WHERE reviews <> 0 OR correct <> 0)
                    SELECT (SELECT count(*) FROM actual a LEFT JOIN kept k USING (deck_id, day, muscle_id, aspect)
                            WHERE k.reviews IS NOT a.n OR k.correct IS NOT a.ok)
                         + (SELECT count(*) FROM kept k LEFT JOIN actual a USING (deck_id, day, muscle_id, aspect) WHERE a.n IS NULL)
                    """),
                ("answer-day counts that differ from the reviews", """
                    WITH actual AS (
                        SELECT s.deck_id, r.day, r.prior_interval, count(*) AS n, sum(\(sql: ScoringRules.correct(grade: "r.grade"))) AS ok, sum(r.answer_ms) AS ms
                        FROM review_prior r JOIN card_state s ON s.card_id = r.card_id GROUP BY 1, 2, 3),
                    kept AS (SELECT * FROM answer_day WHERE answers <> 0 OR correct <> 0 OR answer_ms <> 0)
                    SELECT (SELECT count(*) FROM actual a LEFT JOIN kept k USING (deck_id, day, prior_interval)
                            WHERE k.answers IS NOT a.n OR k.correct IS NOT a.ok OR k.answer_ms IS NOT a.ms)
                         + (SELECT count(*) FROM kept k LEFT JOIN actual a USING (deck_id, day, prior_interval) WHERE a.n IS NULL)
                    """),
                ("deck-state counts that differ from the cards", """
                    WITH actual AS (
                        SELECT deck_id, sum(due_day IS NOT NULL AND repetitions <= 1) AS learning, sum(repetitions >= 2 AND interval_days < 21) AS young,
                               sum(repetitions >= 2 AND interval_days >= 21) AS mature, sum(study_ms) AS study_ms
                        FROM card_state WHERE active = 1 GROUP BY deck_id),
                    kept AS (SELECT * FROM deck_state WHERE learning <> 0 OR young <> 0 OR mature <> 0 OR study_ms <> 0)
                    SELECT (SELECT count(*) FROM actual a LEFT JOIN kept k USING (deck_id)
                            WHERE coalesce(k.learning, 0) <> a.learning OR coalesce(k.young, 0) <> a.young
                               OR coalesce(k.mature, 0) <> a.mature OR coalesce(k.study_ms, 0) <> a.study_ms)
                         + (SELECT count(*) FROM kept k LEFT JOIN actual a USING (deck_id) WHERE a.deck_id IS NULL)
                    """),
                ("topic-state sums that differ from the cards", """
                    WITH actual AS (
                        SELECT deck_id, coalesce(muscle_id, 0) AS muscle_id, aspect, \(sql: TopicSums.select(in: nil))
                        FROM card_state WHERE active = 1 GROUP BY 1, 2, 3),
                    kept AS (SELECT * FROM topic_state WHERE \(sql: TopicSums.anyNonZero))
                    SELECT (SELECT count(*) FROM actual a LEFT JOIN kept k USING (deck_id, muscle_id, aspect) WHERE \(sql: TopicSums.differ("k", "a")))
                         + (SELECT count(*) FROM kept k LEFT JOIN actual a USING (deck_id, muscle_id, aspect) WHERE a.cards IS NULL)
                    """),
                ("due-day counts that differ from the cards", """
                    WITH actual AS (SELECT deck_id, due_day, count(*) AS cards FROM card_state WHERE active = 1 AND due_day IS NOT NULL GROUP BY 1, 2),
                    kept AS (SELECT * FROM due_day_count WHERE cards <> 0)
                    SELECT (SELECT count(*) FROM actual a LEFT JOIN kept k USING (deck_id, due_day) WHERE k.cards IS NOT a.cards)
                         + (SELECT count(*) FROM kept k LEFT JOIN actual a USING (deck_id, due_day) WHERE a.cards IS NULL)
                    """),
                ("exam sessions whose answered and correct counts differ from their answers", """
                    SELECT count(*) FROM exam_session s
                    LEFT JOIN (SELECT session_id, count(*) AS n, sum(correct) AS ok FROM exam_answer GROUP BY session_id) a ON a.session_id = s.id
                    WHERE s.answered <> coalesce(a.n, 0) OR s.correct <> coalesce(a.ok, 0)
                    """),
                ("exam answers marked correct or wrong against their item's key", """
                    SELECT count(*) FROM exam_answer a JOIN exam_item i ON i.id = a.item_id
                    WHERE a.correct <> (a.chosen = CASE i.key_index WHEN 0 THEN i.option_a WHEN 1 THEN i.option_b WHEN 2 THEN i.option_c ELSE i.option_d END)
                      AND i.changed_at <= a.answered_at
                    """),
                ("exam sessions with more answers than items", "SELECT count(*) FROM exam_session WHERE answered > items"),
            ]
            for (what, sql) in invariants {
                let n = try count(sql)
                if n > 0 { problems.append("\(n) \(what)") }
            }
            problems += try Self.sessionsMissingAnswers(db)
            return CheckReport(problems: problems, cards: try count("SELECT count(*) FROM card"), reviews: try count("SELECT count(*) FROM review"))
        }
    }
}
