import SM2

/// Everything a terminal needs to draw one moment of a session, as data; `StudyRenderer` turns it
/// into text for a given width and style.
public enum StudyScreen: Equatable, Sendable {
    case front(StudyCardView, header: StudyHeader)
    case back(StudyCardView, header: StudyHeader, keys: [GradeKey], counts: Bool)
    /// A one-line note: "Answer recorded", "Nothing to undo", the card's source…
    case message(String)
    case answered(AnswerNote)
    case summary(SessionSummary)
}

/// A card as the student sees it. The muscle is not named (a reverse card asks for it).
public struct StudyCardView: Equatable, Sendable {
    public var front: String
    public var back: String
    public var aspect: Aspect
    public var region: String
    public var reason: QueueReason
    public var sourceFile: String
    public var sourceLine: Int
}

/// Why a card is in today's queue.
public enum QueueReason: String, Equatable, Sendable {
    case due
    case new
    case redrill
    case cram
}

/// The header line: cards left by kind, and time since the session started.
public struct StudyHeader: Equatable, Sendable {
    public var due: Int
    public var new: Int
    public var redrill: Int
    public var elapsedSeconds: Int
}

/// A grade key's label: its meaning and the interval it would give ("4 good · 6d").
public struct GradeKey: Equatable, Sendable {
    public var grade: Grade
    public var interval: Int
}

/// What an answer did, shown briefly before the next card.
public struct AnswerNote: Equatable, Sendable {
    public var grade: Grade
    public var kind: ReviewKind
    public var nextDue: Day?
    public var interval: Int
    public var redrill: Bool
}

/// The end-of-session report.
public struct SessionSummary: Equatable, Sendable {
    public var answers: Int
    public var cards: Int
    /// First answers of the day (the ones SM-2 counts) and how many were graded 3 or more.
    public var counted: Int
    public var correct: Int
    public var seconds: Int
    public var dueTomorrow: Int
    public var streak: Int
    public var left: StudyHeader
    public var mode: StudyMode
}
