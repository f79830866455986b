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
    /// The answer is typed (`study --type`): the front asks for it.
    public var typing: Bool = false
    /// What was typed, compared with the answer: shown on the back with the grade it proposes.
    public var typed: TypedComparison? = nil
}

/// Why a card is in today's queue.
public enum QueueReason: String, Equatable, Sendable {
    case due
    case new
    case redrill
    case cram
}

/// The header line: cards left by kind, how many were answered (for "card 7 of 31" and the
/// progress bar), and time since the session started.
public struct StudyHeader: Equatable, Sendable {
    public var due: Int
    public var new: Int
    public var redrill: Int
    public var elapsedSeconds: Int
    /// Answers given so far this session.
    public var answered: Int

    public init(due: Int, new: Int, redrill: Int, elapsedSeconds: Int, answered: Int = 0) {
        self.due = due
        self.new = new
        self.redrill = redrill
        self.elapsedSeconds = elapsedSeconds
        self.answered = answered
    }

    /// Cards left, the one on screen included.
    public var left: Int { due + new + redrill }
    /// The card on screen is number `position` of `total` (answers so far plus cards left; a
    /// re-drill adds one).
    public var position: Int { answered + 1 }
    public var total: Int { answered + left }
}

/// Why a session ended before its queue was empty, for the message that says so.
public enum SessionLimit: Equatable, Sendable {
    case minutes(Int)
    case cards(Int)
}

/// The weakest muscle of the session: the most missed first answers, with the command that
/// studies it.
public struct WeakestTopic: Equatable, Sendable {
    public var muscle: String
    public var muscleKey: String
    public var missed: Int
    public var answered: Int
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
    /// Cards whose first answer this session was wrong.
    public var missed: Int = 0
    public var weakest: WeakestTopic? = nil
}
