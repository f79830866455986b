import SM2

/// The figures of one topic, a muscle × aspect of a deck: the finest grain every level of the
/// weak-topic report is rolled up from.
public struct TopicFigures: Sendable, Equatable {
    public var muscleID: Int64
    public var muscleKey: String
    public var muscleName: String
    public var region: String
    public var aspect: String
    public var cards = 0
    /// Cards answered at least once.
    public var seen = 0
    /// Cards at repetition 0: new, or failed at their last review.
    public var notLearned = 0
    public var reviews = 0
    public var correct = 0
    public var lapses = 0
    /// The easiness of the cards seen, summed (hundredths).
    public var easinessSum = 0
    public var windowReviews = 0
    public var windowCorrect = 0
    /// Cards learned and not due again until after the exam day (only with an exam day).
    public var ready = 0
    /// Exam-practice answers to items of this muscle and aspect, all time and in the window:
    /// merged in by the report (`ExamPractice.merge`), the store leaves them 0.
    public var examAnswers = 0
    public var examCorrect = 0
    public var windowExamAnswers = 0
    public var windowExamCorrect = 0
}

/// A card that keeps failing (`ScoringRules.isLeech`).
public struct Leech: Sendable, Equatable, Codable {
    public var id: CardID
    public var muscle: String
    public var aspect: String
    public var front: String
    public var lapses: Int
    public var easiness: Int
    public var reviews: Int
}

/// Reviews (first answers of a day) and how many were correct, in one week or one interval bucket.
public struct ReviewCount: Sendable, Equatable {
    public var reviews: Int
    public var correct: Int
}

/// When the cards fall due, for an exam plan: how many on each day (overdue ones on today), and how
/// many were never answered.
public struct DueSpread: Sendable, Equatable {
    /// Day number → cards due that day.
    public var due: [Int: Int]
    public var unseen: Int
    public var total: Int
}

/// What `muscle report` asks the store for.
public struct WeakTopicQuery: Sendable, Equatable {
    public var filter: CardFilter
    /// The days whose reviews make the window figures.
    public var window: ClosedRange<Day>
    /// Adds `TopicFigures.ready` and the due spread.
    public var exam: Day?
    public var leechLimit: Int
    /// Weeks of retention ending with the window's last day; 0 for none.
    public var trendWeeks: Int
    /// Days of the due forecast from the window's last day; 0 for none.
    public var forecastDays: Int
}

/// Everything the weak-topic report is rolled up from, read in one transaction.
public struct WeakTopicFigures: Sendable, Equatable {
    /// In the order the store reads them: by deck, muscle and aspect.
    public var topics: [TopicFigures]
    /// Worst first: most lapses, then lowest easiness, then deck order.
    public var leeches: [Leech]
    /// Oldest first, `trendWeeks` of them (none when no deck is given).
    public var weeks: [ReviewCount]
    public var forecast: [Int]
    /// With an exam day only.
    public var due: DueSpread?
    /// Muscle keys of the first new cards `muscle study` would show, in queue (deck) order, each
    /// once: what "Study next" suggests when there are no weak topics to point at yet.
    public var firstNewMuscles: [String] = []
    /// Exam-practice answers (`muscle exam`), all time and in the window.
    public var exam: ExamPracticeFigures = .empty
}

/// What `muscle stats` asks the store for.
public struct StatsQuery: Sendable, Equatable {
    public var window: ClosedRange<Day>
    /// Reviews are counted in the first bucket that holds the interval the card had.
    public var intervalBuckets: [ClosedRange<Int>]
    public var forecastDays: Int
}

/// Everything `muscle stats` is rolled up from, read in one transaction.
public struct StatsFigures: Sendable, Equatable {
    public struct AnswerDay: Sendable, Equatable {
        public var day: Day
        /// All answers that day, and how many were reviews.
        public var answers: Int
        public var reviews: Int
    }

    /// Days of the window with answers, in no particular order.
    public var answerDays: [AnswerDay]
    /// One per bucket of the query, in its order.
    public var byInterval: [ReviewCount]
    public var windowMilliseconds: Int
    public var totalMilliseconds: Int
    /// Active cards by state.
    public var new: Int, learning: Int, young: Int, mature: Int
    public var forecast: [Int]
    /// Days with answers up to the window's last day, newest first.
    public var studyDays: [Day]
}
