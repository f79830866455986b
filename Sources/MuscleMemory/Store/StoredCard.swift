import SM2

/// How an answer counted. Only a `.review` moves the schedule (Docs/SM2.md: the first answer of a study
/// day to a due or new card).
public enum ReviewKind: Int, Sendable, Codable, CaseIterable {
    case review = 0
    case redrill = 1
    case cram = 2
}

/// A card as the database holds it: its text, where it came from, and its state.
public struct StoredCard: Sendable, Hashable, Identifiable {
    /// The stable ID, e.g. "gastrocnemius/origin".
    public var id: CardID
    /// The card's row in this database (what answers and the queue refer to).
    public var rowID: Int64
    public var muscle: String
    public var muscleKey: String
    public var aspect: Aspect
    public var region: String
    public var tags: [String]
    public var front: String
    public var back: String
    public var sourceFile: String
    public var sourceLine: Int
    public var position: Int
    public var state: CardState
    /// Graded below 4 on this day: drilled again before the day ends.
    public var redrillDay: Day?
    /// Skipped: hidden for the rest of this day.
    public var buriedDay: Day?
}

/// What recording one answer did.
public struct RecordedAnswer: Sendable, Equatable {
    public var reviewID: Int64
    public var cardRowID: Int64
    public var kind: ReviewKind
    public var grade: Grade
    public var before: CardState
    public var after: CardState
    /// Graded below 4: the card comes back later today (step 7 of SM-2).
    public var needsRedrill: Bool
}

/// One answer to record, for the batch writer.
public struct AnswerInput: Sendable {
    public var cardRowID: Int64
    public var grade: Grade
    public var at: Date
    public var day: Day
    public var answerMilliseconds: Int
    public var sessionID: Int64?
    public var mode: StudyMode
    /// What was typed, for an answer given by typing (`study --type`): stored beside the review.
    public var typed: TypedAnswerRecord?

    public init(cardRowID: Int64, grade: Grade, at: Date, day: Day, answerMilliseconds: Int, sessionID: Int64?, mode: StudyMode = .study, typed: TypedAnswerRecord? = nil) {
        self.cardRowID = cardRowID
        self.grade = grade
        self.at = at
        self.day = day
        self.answerMilliseconds = answerMilliseconds
        self.sessionID = sessionID
        self.mode = mode
        self.typed = typed
    }
}

import Foundation
