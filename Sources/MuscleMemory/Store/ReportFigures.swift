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

    public init(muscleID: Int64, muscleKey: String, muscleName: String, region: String, aspect: String, cards: Int = 0, seen: Int = 0,
                notLearned: Int = 0, reviews: Int = 0, correct: Int = 0, lapses: Int = 0, easinessSum: Int = 0,
                windowReviews: Int = 0, windowCorrect: Int = 0, ready: Int = 0) {
        self.muscleID = muscleID
        self.muscleKey = muscleKey
        self.muscleName = muscleName
        self.region = region
        self.aspect = aspect
        self.cards = cards
        self.seen = seen
        self.notLearned = notLearned
        self.reviews = reviews
        self.correct = correct
        self.lapses = lapses
        self.easinessSum = easinessSum
        self.windowReviews = windowReviews
        self.windowCorrect = windowCorrect
        self.ready = ready
    }
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

    public init(id: CardID, muscle: String, aspect: String, front: String, lapses: Int, easiness: Int, reviews: Int) {
        self.id = id
        self.muscle = muscle
        self.aspect = aspect
        self.front = front
        self.lapses = lapses
        self.easiness = easiness
        self.reviews = reviews
    }
}

/// Reviews (first answers of a day) and how many were correct, in one week or one interval bucket.
public struct ReviewCount: Sendable, Equatable {
    public var reviews: Int
    public var correct: Int

    public init(reviews: Int, correct: Int) {
        self.reviews = reviews
        self.correct = correct
    }
}

/// When the cards fall due, for an exam plan: how many on each day (overdue ones on today), and how
/// many were never answered.
public struct DueSpread: Sendable, Equatable {
    /// Day number → cards due that day.
    public var due: [Int: Int]
    public var unseen: Int
    public var total: Int

    public init(due: [Int: Int], unseen: Int, total: Int) {
        self.due = due
        self.unseen = unseen
        self.total = total
    }
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

    public init(filter: CardFilter, window: ClosedRange<Day>, exam: Day?, leechLimit: Int, trendWeeks: Int, forecastDays: Int) {
        self.filter = filter
        self.window = window
        self.exam = exam
        self.leechLimit = leechLimit
        self.trendWeeks = trendWeeks
        self.forecastDays = forecastDays
    }
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

    public init(topics: [TopicFigures], leeches: [Leech], weeks: [ReviewCount], forecast: [Int], due: DueSpread?) {
        self.topics = topics
        self.leeches = leeches
        self.weeks = weeks
        self.forecast = forecast
        self.due = due
    }
}

/// What `muscle stats` asks the store for.
public struct StatsQuery: Sendable, Equatable {
    public var window: ClosedRange<Day>
    /// Reviews are counted in the first bucket that holds the interval the card had.
    public var intervalBuckets: [ClosedRange<Int>]
    public var forecastDays: Int

    public init(window: ClosedRange<Day>, intervalBuckets: [ClosedRange<Int>], forecastDays: Int) {
        self.window = window
        self.intervalBuckets = intervalBuckets
        self.forecastDays = forecastDays
    }
}

/// Everything `muscle stats` is rolled up from, read in one transaction.
public struct StatsFigures: Sendable, Equatable {
    public struct AnswerDay: Sendable, Equatable {
        public var day: Day
        /// All answers that day, and how many were reviews.
        public var answers: Int
        public var reviews: Int

        public init(day: Day, answers: Int, reviews: Int) {
            self.day = day
            self.answers = answers
            self.reviews = reviews
        }
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

    public init(answerDays: [AnswerDay], byInterval: [ReviewCount], windowMilliseconds: Int, totalMilliseconds: Int,
                new: Int, learning: Int, young: Int, mature: Int, forecast: [Int], studyDays: [Day]) {
        self.answerDays = answerDays
        self.byInterval = byInterval
        self.windowMilliseconds = windowMilliseconds
        self.totalMilliseconds = totalMilliseconds
        self.new = new
        self.learning = learning
        self.young = young
        self.mature = mature
        self.forecast = forecast
        self.studyDays = studyDays
    }
}
