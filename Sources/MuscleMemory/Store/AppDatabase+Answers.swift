import Foundation
import GRDB
import SM2

extension AppDatabase {
    /// Starts a study session and returns its id.
    public func startSession(at now: Date, day: Day, mode: StudyMode) throws(StoreError) -> Int64 {
        try write { db in
            try db.execute(literal: "INSERT INTO study_session (started_at, day, mode) VALUES (\(now.milliseconds), \(day.number), \(mode.rawValue))")
            return db.lastInsertedRowID
        }
    }

    public func endSession(_ id: Int64, at now: Date) throws(StoreError) {
        try write { db in
            try db.execute(literal: "UPDATE study_session SET ended_at = \(now.milliseconds) WHERE id = \(id)")
        }
    }

    /// Records one answer and the state it produces, in one transaction: when this returns, the
    /// review is on disk (WAL, synchronous=FULL) and survives a crash or a power cut.
    /// The kind is decided here, inside the transaction, so two processes studying at once agree:
    /// the first answer of the day to a due or new card is a `.review`; a later one the same day
    /// is a `.redrill`; cram mode, or a card not yet due, is `.cram`.
    public func recordAnswer(_ answer: AnswerInput) throws(StoreError) -> RecordedAnswer {
        try write { db in try Self.record(answer, db: db) }
    }

    /// Many answers in one transaction (imports, simulations and the benchmark's history).
    public func recordAnswers(_ answers: [AnswerInput]) throws(StoreError) -> [RecordedAnswer] {
        try write { db in try answers.map { try Self.record($0, db: db) } }
    }

    private static func record(_ answer: AnswerInput, db: Database) throws -> RecordedAnswer {
        let card = answer.cardRowID
        guard let row = try Row.fetchOne(db.cachedStatement(sql: AnswerSQL.cardState), arguments: ["card": card]) else {
            throw StoreError.noSuchCard(rowID: card)
        }
        let before = state(from: row)
        let day = answer.day
        let kind: ReviewKind
        if answer.mode == .cram {
            kind = .cram
        } else if before.lastReview == day {
            // From the card's state now, not as it was when the card was shown: answered today
            // already (perhaps by another session) and owed no re-drill, it is an early answer
            // that changes nothing (Docs/SM2.md).
            kind = (row["redrill_day"] as Int?) == day.number ? .redrill : .cram
        } else if !isDue(before, on: day) {
            kind = .cram
        } else {
            kind = .review
        }
        let after = kind == .review ? schedule(before, answer.grade, on: day) : before
        let ms = max(0, answer.answerMilliseconds)
        // Only a review records the state it produced (the table's CHECK holds the other kinds to NULL).
        let produced = kind == .review ? after : nil
        try db.cachedStatement(sql: AnswerSQL.insertReview).execute(arguments: [
            "card": card, "session": answer.sessionID, "at": answer.at.milliseconds, "day": day.number, "grade": answer.grade.rawValue,
            "kind": kind.rawValue, "ms": ms, "repetitions": produced?.repetitions, "interval": produced?.interval,
            "easiness": produced?.easiness.hundredths, "lapses": produced?.lapses,
        ])
        let reviewID = db.lastInsertedRowID
        if let typed = answer.typed {
            try db.cachedStatement(sql: AnswerSQL.insertTyped).execute(arguments: [
                "review": reviewID, "typed": TypedText.clean(typed.typed), "verdict": typed.verdict.rawValue, "proposed": typed.proposed.rawValue,
            ])
        }
        if let session = answer.sessionID {
            // The session's count of its answers, for `check` (one more UPDATE by primary key).
            try db.cachedStatement(sql: AnswerSQL.countAnswer).execute(arguments: ["session": session])
        }
        try db.cachedStatement(sql: AnswerSQL.markDay).execute(arguments: ["day": day.number, "review": reviewID])
        let redrill = kind != .cram && needsRedrill(answer.grade)
        let redrillDay: Int? = redrill ? day.number : nil
        switch kind {
        case .review:
            try db.cachedStatement(sql: AnswerSQL.updateReviewed).execute(arguments: [
                "repetitions": after.repetitions, "interval": after.interval, "easiness": after.easiness.hundredths, "due": after.due?.number,
                "lapses": after.lapses, "last": after.lastReview?.number, "day": day.number, "redrill": redrillDay,
                "correct": ScoringRules.isCorrect(answer.grade) ? 1 : 0, "ms": ms, "card": card,
            ])
        case .redrill:
            try db.cachedStatement(sql: AnswerSQL.updateRedrilled).execute(arguments: ["redrill": redrillDay, "ms": ms, "card": card])
        case .cram:
            try db.cachedStatement(sql: AnswerSQL.updateTime).execute(arguments: ["ms": ms, "card": card])
        }
        return RecordedAnswer(reviewID: reviewID, cardRowID: card, kind: kind, grade: answer.grade, before: before, after: after, needsRedrill: redrill)
    }

    /// Takes back an answer: the card's state, re-drill flag and totals are restored exactly as
    /// they were before it, and its review row is deleted. Only a card's latest answer can be
    /// undone (undoing an older one would rewrite history that later answers built on).
    public func undo(reviewID: Int64) throws(StoreError) -> CardState {
        try write { db in
            guard let review = try Row.fetchOne(db, literal: "SELECT card_id, day, grade, kind, answer_ms FROM review WHERE id = \(reviewID)") else {
                throw StoreError.cannotUndo(reason: "that answer is not in the database")
            }
            let card: Int64 = review["card_id"]
            let latest = try Int64.fetchOne(db, literal: "SELECT max(id) FROM review WHERE card_id = \(card)")
            guard latest == reviewID else {
                throw StoreError.cannotUndo(reason: "the card has been answered again since")
            }
            let day: Int = review["day"]
            let kind = ReviewKind(rawValue: review["kind"]) ?? .cram
            let grade = Grade(review["grade"] as Int)
            let ms: Int = review["answer_ms"]
            let previous = try Row.fetchOne(db, literal: """
                SELECT day, repetitions, interval_days, easiness, lapses FROM review
                WHERE card_id = \(card) AND \(sql: ScoringRules.kind("kind", is: .review)) AND id < \(reviewID) ORDER BY id DESC LIMIT 1
                """)
            let before = previous.map(Self.producedState(by:)) ?? .new
            // The re-drill flag before this answer: set if the card's previous counted answer the
            // same day (a review or a re-drill, not cram) was graded below 4.
            let earlierToday = try Int.fetchOne(db, literal: """
                SELECT grade FROM review
                WHERE card_id = \(card) AND day = \(day) AND \(sql: ScoringRules.kind("kind", is: .review, .redrill)) AND id < \(reviewID) ORDER BY id DESC LIMIT 1
                """)
            let redrillDay: Int? = earlierToday.flatMap { Grade($0) }.map { needsRedrill($0) } == true ? day : nil
            switch kind {
            case .review:
                try db.execute(literal: """
                    UPDATE card_state SET repetitions = \(before.repetitions), interval_days = \(before.interval), easiness = \(before.easiness.hundredths),
                        due_day = \(before.due?.number), lapses = \(before.lapses), last_review_day = \(before.lastReview?.number),
                        introduced_day = CASE WHEN \(before.isNew) THEN NULL ELSE introduced_day END, redrill_day = \(redrillDay),
                        reviews = reviews - 1, correct = correct - \(grade.map(ScoringRules.isCorrect) == true ? 1 : 0), study_ms = study_ms - \(ms)
                    WHERE card_id = \(card)
                    """)
            case .redrill:
                try db.execute(literal: "UPDATE card_state SET redrill_day = \(redrillDay), study_ms = study_ms - \(ms) WHERE card_id = \(card)")
            case .cram:
                try db.execute(literal: "UPDATE card_state SET study_ms = study_ms - \(ms) WHERE card_id = \(card)")
            }
            try db.execute(literal: """
                UPDATE study_session SET answers = answers - 1
                WHERE id = (SELECT session_id FROM review WHERE id = \(reviewID)) AND answers > 0
                """)
            try db.execute(literal: "DELETE FROM review WHERE id = \(reviewID)")
            // When it was the day's first review, the day's index moves to the next one (or goes,
            // if none is left): the id may be given again, to an answer of a later day.
            try db.execute(literal: """
                DELETE FROM review_day WHERE day = \(day) AND first_review_id = \(reviewID)
                    AND NOT EXISTS (SELECT 1 FROM review WHERE id > \(reviewID) AND day = \(day))
                """)
            try db.execute(literal: """
                UPDATE review_day SET first_review_id = (SELECT min(id) FROM review WHERE id > \(reviewID) AND day = \(day))
                WHERE day = \(day) AND first_review_id = \(reviewID)
                """)
            return before
        }
    }

    /// Hides a card for the rest of `day` (the `s` key): it comes back tomorrow as it was.
    public func bury(cardRowID: Int64, on day: Day) throws(StoreError) {
        try write { db in
            try db.execute(literal: "UPDATE card_state SET buried_day = \(day.number) WHERE card_id = \(cardRowID)")
        }
    }

    static func state(from row: Row) -> CardState {
        CardState(
            repetitions: row["repetitions"], interval: row["interval_days"], easiness: Easiness(hundredths: row["easiness"]),
            due: (row["due_day"] as Int?).map(Day.init), lapses: row["lapses"], lastReview: (row["last_review_day"] as Int?).map(Day.init))
    }

    /// The state a kind-0 review row produced (its own day is the last review).
    static func producedState(by row: Row) -> CardState {
        let day: Int = row["day"]
        let interval: Int = row["interval_days"]
        return CardState(repetitions: row["repetitions"], interval: interval, easiness: Easiness(hundredths: row["easiness"]),
                         due: Day(day + interval), lapses: row["lapses"], lastReview: Day(day))
    }
}

/// The answer path's statements as fixed text with named, bound values: each answer then finds its
/// prepared statement by the same string, with no SQL built per answer (building it from an SQL
/// literal cost more than the rest of the answer's own work: see Benchmarks/README.md).
private enum AnswerSQL {
    static let cardState = "SELECT repetitions, interval_days, easiness, due_day, lapses, last_review_day, redrill_day FROM card_state WHERE card_id = :card"
    static let insertReview = """
        INSERT INTO review (card_id, session_id, reviewed_at, day, grade, kind, answer_ms, repetitions, interval_days, easiness, lapses)
        VALUES (:card, :session, :at, :day, :grade, :kind, :ms, :repetitions, :interval, :easiness, :lapses)
        """
    static let insertTyped = "INSERT INTO typed_answer (review_id, typed, verdict, proposed_grade) VALUES (:review, :typed, :verdict, :proposed)"
    static let countAnswer = "UPDATE study_session SET answers = answers + 1 WHERE id = :session"
    static let markDay = "INSERT OR IGNORE INTO review_day (day, first_review_id) VALUES (:day, :review)"
    static let updateReviewed = """
        UPDATE card_state SET repetitions = :repetitions, interval_days = :interval, easiness = :easiness,
            due_day = :due, lapses = :lapses, last_review_day = :last,
            introduced_day = coalesce(introduced_day, :day), redrill_day = :redrill,
            reviews = reviews + 1, correct = correct + :correct, study_ms = study_ms + :ms
        WHERE card_id = :card
        """
    static let updateRedrilled = "UPDATE card_state SET redrill_day = :redrill, study_ms = study_ms + :ms WHERE card_id = :card"
    static let updateTime = "UPDATE card_state SET study_ms = study_ms + :ms WHERE card_id = :card"
}
