import SM2

/// What `muscle stats` shows.
public struct StatsReport: Sendable, Equatable, Codable {
    public struct DayCount: Sendable, Equatable, Codable {
        public var day: Day
        /// All answers that day, and how many were reviews (first answers, the ones SM-2 counts).
        public var answers: Int
        public var reviews: Int
    }

    public struct Bucket: Sendable, Equatable, Codable {
        /// "1 day", "2-6 days", "7-20 days", "21-89 days", "90+ days": the interval a card had when reviewed.
        public var name: String
        public var reviews: Int
        public var correct: Int
        public var retention: Double? { reviews > 0 ? Double(correct) / Double(reviews) : nil }
    }

    public struct CardStates: Sendable, Equatable, Codable {
        /// Never answered.
        public var new: Int
        /// Answered, but not yet past its second successful repetition (repetitions 0 or 1).
        public var learning: Int
        /// Repetitions 2 or more, interval under 21 days.
        public var young: Int
        /// Interval of 21 days or more.
        public var mature: Int
    }

    public var today: Day
    public var windowDays: Int
    public var perDay: [DayCount]
    public var forecast: [Int]
    public var cards: CardStates
    public var retentionByInterval: [Bucket]
    public var streak: Int
    public var windowMilliseconds: Int
    public var totalMilliseconds: Int
}

public enum Statistics {
    static let buckets: [(String, ClosedRange<Int>)] = [("1 day", 0...1), ("2-6 days", 2...6), ("7-20 days", 7...20), ("21-89 days", 21...89), ("90+ days", 90...Int.max)]

    /// What `muscle stats` reads from the store for `today`: the window, the interval buckets and
    /// the forecast.
    public static func query(today: Day, windowDays: Int = 30, forecastDays: Int = 30) -> StatsQuery {
        let windowDays = windowDays.clamped(to: ReportOptions.windowDaysRange)
        return StatsQuery(window: today.adding(days: -(windowDays - 1))...today, intervalBuckets: buckets.map(\.1), forecastDays: forecastDays)
    }

    /// Builds the statistics from the store's figures (`AppDatabase.statsFigures(decks:_:)` with
    /// `query(today:windowDays:forecastDays:)`), with no database.
    public static func report(_ figures: StatsFigures, today: Day, windowDays: Int = 30) -> StatsReport {
        let windowDays = windowDays.clamped(to: ReportOptions.windowDaysRange)
        let start = today.adding(days: -(windowDays - 1))
        var perDay = (0..<max(1, windowDays)).map { StatsReport.DayCount(day: start.adding(days: $0), answers: 0, reviews: 0) }
        for day in figures.answerDays {
            let index = start.distance(to: day.day)
            if perDay.indices.contains(index) {
                perDay[index].answers = day.answers
                perDay[index].reviews = day.reviews
            }
        }
        let bucketList = buckets.enumerated().map { index, bucket in
            let count = figures.byInterval.indices.contains(index) ? figures.byInterval[index] : ReviewCount(reviews: 0, correct: 0)
            return StatsReport.Bucket(name: bucket.0, reviews: count.reviews, correct: count.correct)
        }
        return StatsReport(
            today: today, windowDays: windowDays, perDay: perDay, forecast: figures.forecast,
            cards: StatsReport.CardStates(new: figures.new, learning: figures.learning, young: figures.young, mature: figures.mature),
            retentionByInterval: bucketList, streak: StudyStreak.length(of: figures.studyDays, through: today),
            windowMilliseconds: figures.windowMilliseconds, totalMilliseconds: figures.totalMilliseconds)
    }
}
