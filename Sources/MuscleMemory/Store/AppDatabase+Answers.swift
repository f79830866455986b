import Foundation
import GRDB
import SM2

extension AppDatabase {
    /// Starts a study session and returns its id.
    public func startSession(at now: Date, day: Day, mode: StudyMode) throws(StoreError) -> Int64 {
        try write { db in
            try db.execute(sql: "INSERT INTO study_session (started_at, day, mode) VALUES (?, ?, ?)",
                           arguments: [now.milliseconds, day.number, mode.rawValue])
            return db.lastInsertedRowID
        }
    }

    public func endSession(_ id: Int64, at now: Date) throws(StoreError) {
        try write { db in
            try db.execute(sql: "UPDATE study_session SET ended_at = ? WHERE id = ?", arguments: [now.milliseconds, id])
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
        let select = try db.cachedStatement(sql: """
            SELECT repetitions, interval_days, easiness, due_day, lapses, last_review_day FROM card_state WHERE card_id = ?
            """)
        guard let row = try Row.fetchOne(select, arguments: [answer.cardRowID]) else {
            throw StoreError.noSuchCard(rowID: answer.cardRowID)
        }
        let before = state(from: row)
        let day = answer.day
        let kind: ReviewKind
        if answer.mode == .cram {
            kind = .cram
        } else if before.lastReview == day {
            kind = .redrill
        } else if !isDue(before, on: day) {
            kind = .cram
        } else {
            kind = .review
        }
        let after = kind == .review ? schedule(before, answer.grade, on: day) : before
        let ms = max(0, answer.answerMilliseconds)
        let fields: [DatabaseValueConvertible?] = kind == .review
            ? [after.repetitions, after.interval, after.easiness.hundredths, after.lapses]
            : [nil, nil, nil, nil]
        try db.cachedStatement(sql: """
            INSERT INTO review (card_id, session_id, reviewed_at, day, grade, kind, answer_ms, repetitions, interval_days, easiness, lapses)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: StatementArguments([answer.cardRowID, answer.sessionID, answer.at.milliseconds, day.number,
                                                       answer.grade.rawValue, kind.rawValue, ms] + fields))
        let reviewID = db.lastInsertedRowID
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO review_day (day, first_review_id) VALUES (?, ?)")
            .execute(arguments: [day.number, reviewID])
        let redrill = kind != .cram && needsRedrill(answer.grade)
        switch kind {
        case .review:
            try db.cachedStatement(sql: """
                UPDATE card_state SET repetitions = ?, interval_days = ?, easiness = ?, due_day = ?, lapses = ?, last_review_day = ?,
                    introduced_day = coalesce(introduced_day, ?), redrill_day = ?,
                    reviews = reviews + 1, correct = correct + ?, study_ms = study_ms + ?
                WHERE card_id = ?
                """).execute(arguments: [after.repetitions, after.interval, after.easiness.hundredths, after.due?.number, after.lapses,
                                         after.lastReview?.number, day.number, redrill ? day.number : nil,
                                         answer.grade.isCorrect ? 1 : 0, ms, answer.cardRowID])
        case .redrill:
            try db.cachedStatement(sql: "UPDATE card_state SET redrill_day = ?, study_ms = study_ms + ? WHERE card_id = ?")
                .execute(arguments: [redrill ? day.number : nil, ms, answer.cardRowID])
        case .cram:
            try db.cachedStatement(sql: "UPDATE card_state SET study_ms = study_ms + ? WHERE card_id = ?")
                .execute(arguments: [ms, answer.cardRowID])
        }
        return RecordedAnswer(reviewID: reviewID, cardRowID: answer.cardRowID, kind: kind, grade: answer.grade, before: before, after: after, needsRedrill: redrill)
    }

    /// Takes back an answer: the card's state, re-drill flag and totals are restored exactly as
    /// they were before it, and its review row is deleted. Only a card's latest answer can be
    /// undone (undoing an older one would rewrite history that later answers built on).
    public func undo(reviewID: Int64) throws(StoreError) -> CardState {
        try write { db in
            guard let review = try Row.fetchOne(db, sql: "SELECT card_id, day, grade, kind, answer_ms FROM review WHERE id = ?", arguments: [reviewID]) else {
                throw StoreError.cannotUndo(reason: "that answer is not in the database")
            }
            let cardRowID: Int64 = review["card_id"]
            let latest = try Int64.fetchOne(db, sql: "SELECT max(id) FROM review WHERE card_id = ?", arguments: [cardRowID])
            guard latest == reviewID else {
                throw StoreError.cannotUndo(reason: "the card has been answered again since")
            }
            let day: Int = review["day"]
            let kind = ReviewKind(rawValue: review["kind"]) ?? .cram
            let grade: Int = review["grade"]
            let ms: Int = review["answer_ms"]
            let previous = try Row.fetchOne(db, sql: """
                SELECT day, repetitions, interval_days, easiness, lapses FROM review WHERE card_id = ? AND kind = 0 AND id < ? ORDER BY id DESC LIMIT 1
                """, arguments: [cardRowID, reviewID])
            let before = previous.map(Self.producedState(by:)) ?? .new
            // The re-drill flag before this answer: set if the card's previous counted answer the
            // same day was graded below 4.
            let earlierToday = try Int.fetchOne(db, sql: """
                SELECT grade FROM review WHERE card_id = ? AND day = ? AND kind <> 2 AND id < ? ORDER BY id DESC LIMIT 1
                """, arguments: [cardRowID, day, reviewID])
            let redrillDay: Int? = earlierToday.flatMap { Grade($0) }.map { needsRedrill($0) } == true ? day : nil
            switch kind {
            case .review:
                try db.execute(sql: """
                    UPDATE card_state SET repetitions = ?, interval_days = ?, easiness = ?, due_day = ?, lapses = ?, last_review_day = ?,
                        introduced_day = CASE WHEN ? THEN NULL ELSE introduced_day END, redrill_day = ?,
                        reviews = reviews - 1, correct = correct - ?, study_ms = study_ms - ?
                    WHERE card_id = ?
                    """, arguments: [before.repetitions, before.interval, before.easiness.hundredths, before.due?.number, before.lapses,
                                     before.lastReview?.number, before.isNew, redrillDay, grade >= 3 ? 1 : 0, ms, cardRowID])
            case .redrill:
                try db.execute(sql: "UPDATE card_state SET redrill_day = ?, study_ms = study_ms - ? WHERE card_id = ?",
                               arguments: [redrillDay, ms, cardRowID])
            case .cram:
                try db.execute(sql: "UPDATE card_state SET study_ms = study_ms - ? WHERE card_id = ?", arguments: [ms, cardRowID])
            }
            try db.execute(sql: "DELETE FROM review WHERE id = ?", arguments: [reviewID])
            // When it was the day's first review, the day's index moves to the next one (or goes,
            // if none is left): the id may be given again, to an answer of a later day.
            try db.execute(sql: """
                DELETE FROM review_day WHERE day = ? AND first_review_id = ?
                    AND NOT EXISTS (SELECT 1 FROM review WHERE id > ? AND day = ?)
                """, arguments: [day, reviewID, reviewID, day])
            try db.execute(sql: """
                UPDATE review_day SET first_review_id = (SELECT min(id) FROM review WHERE id > ? AND day = ?)
                WHERE day = ? AND first_review_id = ?
                """, arguments: [reviewID, day, day, reviewID])
            return before
        }
    }

    /// Hides a card for the rest of `day` (the `s` key): it comes back tomorrow as it was.
    public func bury(cardRowID: Int64, on day: Day) throws(StoreError) {
        try write { db in
            try db.execute(sql: "UPDATE card_state SET buried_day = ? WHERE card_id = ?", arguments: [day.number, cardRowID])
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
