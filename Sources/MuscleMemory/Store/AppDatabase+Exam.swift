import Foundation
import GRDB
import SM2

/// What syncing the generated exam items changed.
public struct ExamItemSync: Sendable, Equatable {
    public var added = 0
    public var updated = 0
    public var retired = 0
    public var restored = 0

    public var changed: Bool { added + updated + retired + restored > 0 }
}

public enum ExamKind: String, Sendable, Codable, CaseIterable {
    case practice, mock
}

/// Why an exam session ended.
public enum ExamEnd: String, Sendable, Codable {
    /// Every item was answered.
    case finished
    /// The student quit (q, end of input).
    case quit
    /// A mock exam's time ran out.
    case time
}

/// One answer to record.
public struct ExamAnswerInput: Sendable, Equatable {
    public var sessionID: Int64
    public var itemID: String
    /// The item's place in its session, from 1.
    public var position: Int
    /// The option chosen as shown, 0 = a.
    public var choice: Int
    /// That option's text.
    public var chosen: String
    public var correct: Bool
    public var answerMilliseconds: Int
    public var at: Date
    public var day: Day

    public init(sessionID: Int64, itemID: String, position: Int, choice: Int, chosen: String, correct: Bool, answerMilliseconds: Int, at: Date, day: Day) {
        self.sessionID = sessionID
        self.itemID = itemID
        self.position = position
        self.choice = choice
        self.chosen = chosen
        self.correct = correct
        self.answerMilliseconds = answerMilliseconds
        self.at = at
        self.day = day
    }
}

/// An exam session as stored.
public struct ExamSessionRecord: Sendable, Equatable {
    public var id: Int64
    public var kind: ExamKind
    public var startedAt: Date
    public var day: Day
    public var items: Int
    public var minutes: Int?
    public var seed: UInt64
    public var endedAt: Date?
    public var endReason: ExamEnd?
    public var answered: Int
    public var correct: Int
}

/// One item's answers so far: what weights a practice draw toward weak topics.
public struct ExamItemHistory: Sendable, Equatable {
    public var answers: Int
    public var correct: Int
    /// Whether the latest answer was wrong.
    public var lastWrong: Bool
}

extension AppDatabase {
    /// Makes `exam_item` hold exactly the items the curriculum generates now, active: new IDs are
    /// added, changed text is updated in place (same facts, same ID), IDs no longer generated are
    /// retired (their answers kept), and retired IDs generated again are restored. Each active
    /// item keeps its place in `items` (a draw over the stored items is a draw over these), and
    /// `source` says what they were generated from (nil: nothing vouches for them, and the next
    /// exam generates them again). One transaction; nothing is written when nothing changed.
    @discardableResult
    public func syncExamItems(_ items: [ExamItem], source: ExamItemSource? = nil, now: Date) throws(StoreError) -> ExamItemSync {
        let (stored, storedSource) = try read { db in
            let items = try Row.fetchAll(db, sql: "SELECT id, content_hash, retired_at IS NOT NULL AS retired, position, muscle_name FROM exam_item")
                .reduce(into: [String: StoredExamItem]()) { stored, row in
                    stored[row["id"]] = StoredExamItem(hash: row["content_hash"], retired: row["retired"], position: row["position"], muscleName: row["muscle_name"])
                }
            return (items, try Self.examItemSource(db))
        }
        var plan = ExamItemSync()
        var inserts: [(item: ExamItem, position: Int)] = []
        var updates: [ExamItem] = []
        var restores: [String] = []
        var places: [(id: String, position: Int, muscleName: String)] = []
        var seen = Set<String>()
        for item in items where seen.insert(item.id).inserted {
            let position = seen.count - 1
            guard let old = stored[item.id] else { inserts.append((item, position)); continue }
            if old.hash != item.contentHash { updates.append(item) }
            if old.retired { restores.append(item.id) }
            if old.position != position || old.muscleName != item.muscleName { places.append((item.id, position, item.muscleName)) }
        }
        let retire = stored.filter { !$0.value.retired && !seen.contains($0.key) }.map(\.key).sorted()
        plan.added = inserts.count
        plan.updated = updates.count
        plan.restored = restores.count
        plan.retired = retire.count
        guard plan.changed || !places.isEmpty || storedSource != source else { return plan }
        let at = now.milliseconds
        try write { db in
            let insert = try db.cachedStatement(sql: ExamSQL.insertItem)
            for (item, position) in inserts { try insert.execute(arguments: ExamSQL.arguments(item, position: position, at: at)) }
            let update = try db.cachedStatement(sql: ExamSQL.updateItem)
            for item in updates { try update.execute(arguments: ExamSQL.arguments(item, at: at)) }
            let restore = try db.cachedStatement(sql: "UPDATE exam_item SET retired_at = NULL WHERE id = :id")
            for id in restores { try restore.execute(arguments: ["id": id]) }
            let place = try db.cachedStatement(sql: "UPDATE exam_item SET position = :position, muscle_name = :name WHERE id = :id")
            for (id, position, name) in places { try place.execute(arguments: ["id": id, "position": position, "name": name]) }
            let retired = try db.cachedStatement(sql: "UPDATE exam_item SET retired_at = :at, position = NULL WHERE id = :id AND retired_at IS NULL")
            for id in retire { try retired.execute(arguments: ["id": id, "at": at]) }
            if let source {
                try db.execute(sql: """
                    INSERT INTO exam_curriculum (id, fingerprint, warning, synced_at) VALUES (1, :fingerprint, :warning, :at)
                    ON CONFLICT (id) DO UPDATE SET fingerprint = excluded.fingerprint, warning = excluded.warning, synced_at = excluded.synced_at
                    """, arguments: ["fingerprint": source.fingerprint, "warning": source.warning, "at": at])
            } else {
                try db.execute(sql: "DELETE FROM exam_curriculum")
            }
        }
        return plan
    }

    /// Starts an exam session and returns its id.
    public func startExamSession(kind: ExamKind, items: Int, minutes: Int?, seed: UInt64, at now: Date, day: Day) throws(StoreError) -> Int64 {
        try write { db in
            try db.execute(sql: """
                INSERT INTO exam_session (kind, started_at, day, items, minutes, seed) VALUES (:kind, :at, :day, :items, :minutes, :seed)
                """, arguments: ["kind": kind.rawValue, "at": now.milliseconds, "day": day.number, "items": max(1, items),
                                 "minutes": minutes, "seed": Int64(bitPattern: seed)])
            return db.lastInsertedRowID
        }
    }

    /// Records one answer in its own transaction: when this returns the answer is on disk, so a
    /// killed exam loses nothing answered.
    public func recordExamAnswer(_ answer: ExamAnswerInput) throws(StoreError) {
        try write { db in
            try db.cachedStatement(sql: ExamSQL.insertAnswer).execute(arguments: [
                "session": answer.sessionID, "item": answer.itemID, "position": answer.position, "choice": answer.choice,
                "chosen": answer.chosen, "correct": answer.correct ? 1 : 0, "ms": max(0, answer.answerMilliseconds),
                "at": answer.at.milliseconds, "day": answer.day.number,
            ])
        }
    }

    public func finishExamSession(_ id: Int64, reason: ExamEnd, at now: Date) throws(StoreError) {
        try write { db in
            try db.execute(sql: "UPDATE exam_session SET ended_at = :at, end_reason = :reason WHERE id = :id AND ended_at IS NULL",
                           arguments: ["at": now.milliseconds, "reason": reason.rawValue, "id": id])
        }
    }

    public func examSession(_ id: Int64) throws(StoreError) -> ExamSessionRecord? {
        try read { db in try Row.fetchOne(db, literal: "SELECT * FROM exam_session WHERE id = \(id)").map(Self.session(from:)) }
    }

    public func examSessions() throws(StoreError) -> [ExamSessionRecord] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM exam_session ORDER BY id").map(Self.session(from:)) }
    }

    /// Every answer ever given, by item: what a practice draw is weighted by.
    public func examItemHistory() throws(StoreError) -> [String: ExamItemHistory] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT item_id, count(*) AS n, sum(correct) AS ok,
                       (SELECT 1 - q.correct FROM exam_answer q WHERE q.item_id = a.item_id ORDER BY q.id DESC LIMIT 1) AS last_wrong
                FROM exam_answer a GROUP BY item_id
                """).reduce(into: [:]) { result, row in
                result[row["item_id"]] = ExamItemHistory(answers: row["n"], correct: row["ok"], lastWrong: (row["last_wrong"] as Int? ?? 0) == 1)
            }
        }
    }

    /// The answers of one session in order: (item id, choice, correct).
    public func examAnswers(session id: Int64) throws(StoreError) -> [(itemID: String, position: Int, choice: Int, correct: Bool)] {
        try read { db in
            try Row.fetchAll(db, literal: "SELECT item_id, position, choice, correct FROM exam_answer WHERE session_id = \(id) ORDER BY position")
                .map { ($0["item_id"], $0["position"], $0["choice"], ($0["correct"] as Int) == 1) }
        }
    }

    /// The number of active (not retired) items stored.
    public func activeExamItemCount() throws(StoreError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM exam_item WHERE retired_at IS NULL") ?? 0 }
    }

    private static func session(from row: Row) -> ExamSessionRecord {
        ExamSessionRecord(
            id: row["id"], kind: ExamKind(rawValue: row["kind"]) ?? .practice, startedAt: Date(milliseconds: row["started_at"]),
            day: Day(row["day"] as Int), items: row["items"], minutes: row["minutes"], seed: UInt64(bitPattern: row["seed"] as Int64),
            endedAt: (row["ended_at"] as Int64?).map(Date.init(milliseconds:)), endReason: (row["end_reason"] as String?).flatMap(ExamEnd.init(rawValue:)),
            answered: row["answered"], correct: row["correct"])
    }
}

/// The exam's statements as fixed SQL text with named, bound values.
enum ExamSQL {
    static let insertItem = """
        INSERT INTO exam_item (id, template, aspect, muscle_key, region, stem, option_a, option_b, option_c, option_d, key_index,
                               explanation, content_hash, created_at, changed_at, position, muscle_name)
        VALUES (:id, :template, :aspect, :muscle, :region, :stem, :a, :b, :c, :d, :key, :explanation, :hash, :at, :at, :position, :name)
        """
    static let updateItem = """
        UPDATE exam_item SET template = :template, aspect = :aspect, muscle_key = :muscle, region = :region, stem = :stem,
            option_a = :a, option_b = :b, option_c = :c, option_d = :d, key_index = :key, explanation = :explanation,
            content_hash = :hash, changed_at = :at
        WHERE id = :id
        """
    static let insertAnswer = """
        INSERT INTO exam_answer (session_id, item_id, position, choice, chosen, correct, answer_ms, answered_at, day)
        VALUES (:session, :item, :position, :choice, :chosen, :correct, :ms, :at, :day)
        """

    static func arguments(_ item: ExamItem, at: Int64) -> StatementArguments {
        let options = item.options + Array(repeating: "", count: max(0, 4 - item.options.count))
        return [
            "id": item.id, "template": item.template.rawValue, "aspect": item.aspect.rawValue, "muscle": item.muscleKey, "region": item.region,
            "stem": item.stem, "a": options[0], "b": options[1], "c": options[2], "d": options[3], "key": item.keyIndex,
            "explanation": item.explanation.joined(separator: "\n"), "hash": item.contentHash, "at": at,
        ]
    }

    /// An insert's values: the item's, its place and its muscle's name.
    static func arguments(_ item: ExamItem, position: Int, at: Int64) -> StatementArguments {
        arguments(item, at: at) &+ ["position": position, "name": item.muscleName]
    }
}

extension AppDatabase {
    /// Card reviews (first answers of a day) and how many were right, by muscle key and aspect
    /// ("soleus/innervation"), over every deck: what weights a practice draw toward the topics
    /// the student's reviews find weak.
    public func reviewTotalsByTopic() throws(StoreError) -> [String: (answers: Int, correct: Int)] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT m.key || '/' || c.aspect AS topic, sum(s.reviews) AS n, sum(s.correct) AS ok
                FROM card_state s JOIN card c ON c.id = s.card_id JOIN muscle m ON m.id = c.muscle_id
                WHERE s.reviews > 0 GROUP BY 1
                """).reduce(into: [:]) { $0[$1["topic"]] = ($1["n"], $1["ok"]) }
        }
    }
}
