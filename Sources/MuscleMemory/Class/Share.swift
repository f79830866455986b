import Foundation
import SM2

/// What a student sends their instructor: the counts behind their own report, and nothing else.
///
/// No card text, no file paths, no time finer than a day: topics are named by their muscle key,
/// aspect and region, cards by their stable ID, decks by title and fingerprint. Versioned by
/// `schema`; Docs/SHARE.md documents every field. A reader refuses a schema newer than
/// `schemaVersion` rather than guessing what its new fields mean.
public struct Share: Sendable, Equatable, Codable {
    public init(schema: Int, kind: String, day: String, label: String?, windowDays: Int, decks: [DeckVersion], topics: [Topic],
                readiness: Readiness?, cards: [CardAnswerCount], exam: ExamPractice?) {
        self.schema = schema; self.kind = kind; self.day = day; self.label = label; self.windowDays = windowDays
        self.decks = decks; self.topics = topics; self.readiness = readiness; self.cards = cards; self.exam = exam
    }

    public static let schemaVersion = 1
    public static let kindName = "muscle-share"
    /// The longest `--label` (characters).
    public static let labelLimit = 40

    public var schema: Int
    public var kind: String
    /// The day the share was made, "YYYY-MM-DD".
    public var day: String
    /// Chosen by the student; absent (anonymous) by default.
    public var label: String?
    /// The window of the `window_*` counts, in days.
    public var windowDays: Int
    public var decks: [DeckVersion]
    /// Every topic the student has started, at the four levels of the report.
    public var topics: [Topic]
    /// With `--exam` only.
    public var readiness: Readiness?
    /// Active cards answered at least once, by ID.
    public var cards: [CardAnswerCount]
    /// Exam practice (`muscle exam`) over the window: accuracy by template and region, answers and
    /// misses by item; empty lists when there is none. A share without it reads as one with empty lists.
    public var exam: ExamPractice?

    public struct Topic: Sendable, Equatable, Codable {
        public init(level: TopicLevel, key: String, name: String, cards: Int, seen: Int, notLearned: Int, reviews: Int, correct: Int,
                    windowReviews: Int, windowCorrect: Int, lapses: Int, meanEasiness: Int?, weakness: Double?) {
            self.level = level; self.key = key; self.name = name; self.cards = cards; self.seen = seen; self.notLearned = notLearned
            self.reviews = reviews; self.correct = correct; self.windowReviews = windowReviews; self.windowCorrect = windowCorrect
            self.lapses = lapses; self.meanEasiness = meanEasiness; self.weakness = weakness
        }

        public var level: TopicLevel
        /// muscle: its key ("piriformis"); aspect: "origin"; region: its name; muscle-aspect:
        /// "piriformis/origin".
        public var key: String
        /// The display name, as the student's report shows it.
        public var name: String
        public var cards: Int
        public var seen: Int
        public var notLearned: Int
        public var reviews: Int
        public var correct: Int
        public var windowReviews: Int
        public var windowCorrect: Int
        public var lapses: Int
        /// Hundredths (250 = 2.50); absent when no card was seen.
        public var meanEasiness: Int?
        /// The student's own weakness score (absent when too few reviews to judge); the class
        /// merge recomputes it from the counts.
        public var weakness: Double?
    }

    public struct Readiness: Sendable, Equatable, Codable {
        public init(examDay: String, cards: Int, ready: Int) {
            self.examDay = examDay; self.cards = cards; self.ready = ready
        }

        public var examDay: String
        public var cards: Int
        /// Learned cards not due again before the exam.
        public var ready: Int
    }

    public struct ExamPractice: Sendable, Equatable, Codable {
        public init(templates: [Share.Accuracy], regions: [Share.Accuracy], items: [Share.ItemCount]) {
            self.templates = templates; self.regions = regions; self.items = items
        }

        public var templates: [Accuracy]
        public var regions: [Accuracy]
        public var items: [ItemCount]

        public static let empty = ExamPractice(templates: [], regions: [], items: [])
    }

    public struct Accuracy: Sendable, Equatable, Codable {
        public init(name: String, answered: Int, correct: Int) {
            self.name = name; self.answered = answered; self.correct = correct
        }

        public var name: String
        public var answered: Int
        public var correct: Int
    }

    public struct ItemCount: Sendable, Equatable, Codable {
        public init(id: String, answered: Int, missed: Int) {
            self.id = id; self.answered = answered; self.missed = missed
        }

        public var id: String
        public var answered: Int
        public var missed: Int
    }

    /// The share as its file holds it: pretty, key-sorted, snake_case JSON.
    public func json() throws(JSON.EncodingFailure) -> String {
        try JSON.encode(self, snakeCaseKeys: true)
    }
}

/// Why a file is not a share the merge can use: said beside the file's name, and the file skipped.
public enum ShareProblem: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(String)
    case notJSON(String)
    case notAShare(String)
    case futureSchema(Int)
    case unknownSchema(String)
    case invalid(String)

    public var description: String {
        switch self {
        case .unreadable(let reason): "cannot be read: \(reason)"
        case .notJSON(let reason): "is not valid JSON (\(reason))"
        case .notAShare(let reason): "is not a MuscleMemory share: \(reason)"
        case .futureSchema(let version):
            "is a share of schema \(version), newer than this muscle reads (\(Share.schemaVersion)); update muscle to merge it"
        case .unknownSchema(let value): "has schema \(value), not a share schema this muscle knows (\(Share.schemaVersion))"
        case .invalid(let reason): "is not a valid share: \(reason)"
        }
    }
}

public enum ShareReader {
    /// The largest share file read (a share of the bundled curriculum is a few hundred kilobytes).
    public static let byteLimit = 16 * 1024 * 1024

    /// The share in these bytes, checked: the schema first (so a future version is named as one,
    /// not as a broken file), then every field, then the counts' sense.
    public static func read(_ bytes: [UInt8]) -> Result<Share, ShareProblem> {
        if let share = ShareFile.share(bytes) {
            if let problem = check(share) { return .failure(.invalid(problem)) }
            return .success(share)
        }
        return checkedRead(Data(bytes))
    }

    /// The slow path, for a file the fast one (`ShareFile`) does not take: finds and names what is wrong.
    static func checkedRead(_ data: Data) -> Result<Share, ShareProblem> {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            return .failure(.notJSON(reason(error)))
        }
        guard let fields = object as? [String: Any] else { return .failure(.notAShare("the file holds no JSON object")) }
        guard let schema = fields["schema"] else { return .failure(.notAShare("there is no \"schema\" field")) }
        guard let number = schema as? NSNumber, let version = Int(exactly: number.doubleValue) else {
            return .failure(.unknownSchema(String(describing: schema).prefix(40).description))
        }
        if version > Share.schemaVersion { return .failure(.futureSchema(version)) }
        if version != Share.schemaVersion { return .failure(.unknownSchema(String(version))) }
        guard fields["kind"] as? String == Share.kindName else { return .failure(.notAShare("\"kind\" is not \"\(Share.kindName)\"")) }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let share: Share
        do {
            share = try decoder.decode(Share.self, from: data)
        } catch {
            return .failure(.invalid(reason(error)))
        }
        if let problem = check(share) { return .failure(.invalid(problem)) }
        return .success(share)
    }

    /// Counts that no student's history can produce are refused, not merged.
    static func check(_ share: Share) -> String? {
        guard Day(iso: share.day) != nil else { return "\"day\" '\(share.day)' is not a date" }
        if let label = share.label, label.count > Share.labelLimit { return "the label is longer than \(Share.labelLimit) characters" }
        guard share.windowDays >= 1 else { return "\"window_days\" is below 1" }
        for t in share.topics {
            let counts = [t.cards, t.seen, t.notLearned, t.reviews, t.correct, t.windowReviews, t.windowCorrect, t.lapses]
            if counts.contains(where: { $0 < 0 }) { return "topic '\(t.key)' has a negative count" }
            if t.seen > t.cards || t.notLearned > t.cards || t.correct > t.reviews || t.windowCorrect > t.windowReviews {
                return "topic '\(t.key)' has counts that do not add up"
            }
            if let w = t.weakness, !(0...100).contains(w) { return "topic '\(t.key)' has a weakness outside 0-100" }
        }
        for c in share.cards where c.reviews < 0 || c.misses < 0 || c.misses > c.reviews || c.lapses < 0 {
            return "card '\(c.id)' has counts that do not add up"
        }
        if let r = share.readiness {
            guard Day(iso: r.examDay) != nil else { return "the readiness \"exam_day\" '\(r.examDay)' is not a date" }
            if r.ready < 0 || r.ready > r.cards { return "the readiness counts do not add up" }
        }
        for item in share.exam?.items ?? [] where item.answered < 0 || item.missed < 0 || item.missed > item.answered {
            return "exam item '\(item.id)' has counts that do not add up"
        }
        for a in (share.exam?.templates ?? []) + (share.exam?.regions ?? []) where a.answered < 0 || a.correct < 0 || a.correct > a.answered {
            return "exam practice '\(a.name)' has counts that do not add up"
        }
        return nil
    }

    static func reason(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "the field \"\(path(context.codingPath + [key]))\" is missing"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "the field \"\(path(context.codingPath))\" has the wrong type"
        case DecodingError.dataCorrupted(let context):
            return context.codingPath.isEmpty ? "the text is not JSON" : "the field \"\(path(context.codingPath))\" is not valid"
        default:
            let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "the text is not JSON"
            return String(text.prefix(120))
        }
    }

    static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? snake($0.stringValue) }.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
    }

    static func snake(_ camel: String) -> String {
        var out = ""
        for ch in camel {
            if ch.isUppercase { out += "_" + ch.lowercased() } else { out.append(ch) }
        }
        return out
    }
}
