import SM2

/// The exam-practice answers `muscle report` rolls up (`ExamPractice`): read with the weak-topic
/// figures, in the same transaction.
public struct ExamPracticeFigures: Sendable, Equatable {
    /// Answers to the items of one template, aspect, region and muscle: all time and in the window.
    public struct Group: Sendable, Equatable {
        public var template: String
        public var aspect: String
        public var region: String
        public var muscleKey: String
        public var muscleName: String
        public var answers = 0
        public var correct = 0
        public var windowAnswers = 0
        public var windowCorrect = 0
    }

    /// One item answered in the window.
    public struct Item: Sendable, Equatable {
        public var id: String
        public var stem: String
        public var template: String
        public var muscleKey: String
        public var muscleName: String
        public var answers: Int
        public var correct: Int
    }

    /// One mock exam started in the window. Its unanswered items count as wrong.
    public struct Mock: Sendable, Equatable {
        public var session: Int64
        public var day: Day
        public var items: Int
        public var answered: Int
        public var correct: Int
    }

    public var groups: [Group] = []
    public var items: [Item] = []
    public var mocks: [Mock] = []

    public static let empty = ExamPracticeFigures()
}
