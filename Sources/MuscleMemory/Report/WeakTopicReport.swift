import Foundation
import SM2

/// What `muscle report` shows: weak topics at each level, the worst cards, and what to study next.
public struct WeakTopicReport: Sendable, Equatable, Codable {
    public var today: Day
    public var windowDays: Int
    public var scoreDefinition: String
    /// Per level, judged topics from weakest to strongest, then topics too thin to judge, then
    /// topics not started.
    public var muscles: [TopicStats]
    public var aspects: [TopicStats]
    public var regions: [TopicStats]
    public var muscleAspects: [TopicStats]
    public var leeches: [Leech]
    /// Commands to paste, weakest first.
    public var plan: [String]
    public var exam: ExamReadiness?
    /// Exam practice (`muscle exam`) over the window; nil when it holds no exam answer.
    public var examPractice: ExamPractice? = nil
    /// Weekly retention for the HTML page (oldest first); empty unless asked for.
    public var weeklyRetention: [WeekRetention]
    /// Cards due on each of the next 30 days, for the HTML page; empty unless asked for.
    public var forecast: [Int]

    public var totals: TopicStats? { regions.isEmpty ? nil : Self.sum(regions, level: .region, name: "all", command: "muscle study") }

    public struct WeekRetention: Sendable, Equatable, Codable {
        public var start: Day
        public var reviews: Int
        public var correct: Int
    }

    static func sum(_ topics: [TopicStats], level: TopicLevel, name: String, command: String) -> TopicStats {
        var total = TopicStats(level: level, name: name, command: command, cards: 0, seen: 0, notLearned: 0, reviews: 0, correct: 0,
                               windowReviews: 0, windowCorrect: 0, lapses: 0, meanEasiness: nil, weakness: nil)
        var easiness = 0
        for t in topics {
            total.cards += t.cards; total.seen += t.seen; total.notLearned += t.notLearned
            total.reviews += t.reviews; total.correct += t.correct
            total.windowReviews += t.windowReviews; total.windowCorrect += t.windowCorrect; total.lapses += t.lapses
            total.examAnswers += t.examAnswers; total.examCorrect += t.examCorrect
            total.windowExamAnswers += t.windowExamAnswers; total.windowExamCorrect += t.windowExamCorrect
            easiness += (t.meanEasiness ?? 0) * t.seen
        }
        total.meanEasiness = total.seen > 0 ? Int((Double(easiness) / Double(total.seen)).rounded()) : nil
        total.weakness = WeaknessScore.score(total)
        return total
    }
}

/// Options of `muscle report`.
public struct ReportOptions: Sendable, Equatable {
    public var today: Day
    public var windowDays: Int = 30
    public var filter: CardFilter = CardFilter()
    public var exam: Day? = nil
    public var maxPerDay: Int = 200
    public var leechLimit: Int = 10
    public var planSize: Int = 3
    /// Weekly retention and the forecast (the HTML page's charts).
    public var includeTrends: Bool = false

    /// The documented ranges of `muscle report --since` (in days: ten years) and `--max-per-day`,
    /// and how far ahead `--exam` may be. The command line refuses values outside them; here the
    /// limits are clamped and the planner refuses a farther exam, so no window or plan can
    /// overflow the day arithmetic or run for minutes.
    public static let windowDaysRange = 1...3_650
    public static let maxPerDayRange = 1...100_000
    public static let examHorizonDays = 730

    public init(today: Day, windowDays: Int = 30, filter: CardFilter = CardFilter(), exam: Day? = nil, maxPerDay: Int = 200, includeTrends: Bool = false) {
        self.today = today
        self.windowDays = windowDays.clamped(to: Self.windowDaysRange)
        self.filter = filter
        self.exam = exam
        self.maxPerDay = maxPerDay.clamped(to: Self.maxPerDayRange)
        self.includeTrends = includeTrends
    }

    /// The window's days: the last `windowDays` through today.
    public var window: ClosedRange<Day> { today.adding(days: -(max(1, windowDays) - 1))...today }

    /// What the report reads from the store.
    public var query: WeakTopicQuery {
        WeakTopicQuery(filter: filter, window: window, exam: exam, leechLimit: leechLimit,
                       trendWeeks: includeTrends ? WeakTopics.trendWeeks : 0, forecastDays: includeTrends ? WeakTopics.forecastDays : 0)
    }
}

public enum WeakTopics {
    /// Weeks of retention and days of forecast on the HTML page.
    static let trendWeeks = 12
    static let forecastDays = 30

    /// Builds the report from the store's figures (`AppDatabase.weakTopicFigures(decks:_:)` with
    /// `options.query`): rolled up to every level and ranked, in memory, with no database.
    public static func report(_ figures: WeakTopicFigures, options: ReportOptions) -> WeakTopicReport {
        let rows = ExamPractice.merge(figures.exam, into: figures.topics)
        let fine = rows.map { row in
            topic(.muscleAspect, name: "\(row.muscleName) · \(Aspect(rawValue: row.aspect)?.title ?? row.aspect)",
                  command: studyCommand(muscle: row.muscleKey, aspect: row.aspect), [row],
                  muscleKey: row.muscleKey, aspect: row.aspect, region: row.region)
        }
        let muscles = group(rows, by: { $0.muscleKey }).map { key, members in
            topic(.muscle, name: members[0].muscleName, command: studyCommand(muscle: key), members, muscleKey: key, region: members[0].region)
        }
        let aspects = group(rows, by: { $0.aspect }).map { key, members in
            topic(.aspect, name: Aspect(rawValue: key)?.title ?? key, command: studyCommand(aspect: key), members, aspect: key)
        }
        let regions = group(rows, by: { $0.region.isEmpty ? "(no region)" : $0.region }).map { key, members in
            topic(.region, name: key, command: studyCommand(region: key.lowercased()), members, region: key)
        }
        let rankedFine = rank(fine)
        var plan = rankedFine.filter { $0.judged && ($0.weakness ?? 0) > 0 }.prefix(options.planSize).map(\.command)
        if plan.count < options.planSize {
            // Not started yet: an exam needs these too. In the order `muscle study` shows new
            // cards (deck order), so the suggestion is what studying would bring first; muscles
            // the queue did not reach follow alphabetically.
            let unstarted = rank(muscles).filter { !$0.started }
            let queued = figures.firstNewMuscles.compactMap { key in unstarted.first { $0.muscleKey == key } }
            let rest = unstarted.filter { t in !queued.contains { $0.muscleKey == t.muscleKey } }
            plan += (queued + rest).prefix(options.planSize - plan.count).map(\.command)
        }
        var report = WeakTopicReport(
            today: options.today, windowDays: options.windowDays, scoreDefinition: WeaknessScore.definition,
            muscles: rank(muscles), aspects: rank(aspects), regions: rank(regions), muscleAspects: rankedFine,
            leeches: figures.leeches,
            plan: plan, exam: nil, weeklyRetention: [], forecast: [])
        report.examPractice = ExamPractice.report(figures.exam, topics: figures.topics, filtered: !options.filter.isEmpty)
        if let exam = options.exam {
            report.exam = ExamPlanner.readiness(rows: rows, due: figures.due ?? DueSpread(due: [:], unseen: 0, total: 0), options: options, exam: exam)
        }
        if options.includeTrends {
            let firstWeek = options.today.adding(days: -(figures.weeks.count * 7 - 1))
            report.weeklyRetention = figures.weeks.enumerated().map { WeakTopicReport.WeekRetention(start: firstWeek.adding(days: $0.offset * 7), reviews: $0.element.reviews, correct: $0.element.correct) }
            report.forecast = figures.forecast
        }
        return report
    }

    static func topic(_ level: TopicLevel, name: String, command: String, _ rows: [TopicFigures], muscleKey: String? = nil, aspect: String? = nil, region: String? = nil) -> TopicStats {
        var t = TopicStats(level: level, name: name, command: command, muscleKey: muscleKey, aspect: aspect, region: region,
                           cards: 0, seen: 0, notLearned: 0, reviews: 0, correct: 0, windowReviews: 0, windowCorrect: 0, lapses: 0, meanEasiness: nil, weakness: nil)
        var easiness = 0
        for row in rows {
            t.cards += row.cards; t.seen += row.seen; t.notLearned += row.notLearned
            t.reviews += row.reviews; t.correct += row.correct; t.lapses += row.lapses
            t.windowReviews += row.windowReviews; t.windowCorrect += row.windowCorrect
            t.examAnswers += row.examAnswers; t.examCorrect += row.examCorrect
            t.windowExamAnswers += row.windowExamAnswers; t.windowExamCorrect += row.windowExamCorrect
            easiness += row.easinessSum
        }
        t.meanEasiness = t.seen > 0 ? Int((Double(easiness) / Double(t.seen)).rounded()) : nil
        t.weakness = WeaknessScore.score(t)
        return t
    }

    /// Weakest first; ties by more reviews, then by name. Topics too thin to judge come after every
    /// judged topic (never ranked as strong), and topics not started last.
    static func rank(_ topics: [TopicStats]) -> [TopicStats] {
        topics.sorted { a, b in
            func tier(_ t: TopicStats) -> Int { t.judged ? 0 : (t.started ? 1 : 2) }
            if tier(a) != tier(b) { return tier(a) < tier(b) }
            if let wa = a.weakness, let wb = b.weakness, wa != wb { return wa > wb }
            if a.reviews != b.reviews { return a.reviews > b.reviews }
            return a.name.lowercased() < b.name.lowercased()
        }
    }

    static func group(_ rows: [TopicFigures], by key: (TopicFigures) -> String) -> [(String, [TopicFigures])] {
        Dictionary(grouping: rows, by: key).map { ($0.key, $0.value) }
    }

    /// `muscle study` with the filters of one topic, quoted for pasting into a POSIX shell (the
    /// key and region come from deck text).
    static func studyCommand(muscle: String? = nil, aspect: String? = nil, region: String? = nil) -> String {
        var words = ["muscle", "study"]
        if let muscle { words += ShellQuote.option("--muscle", muscle) }
        if let aspect { words += ShellQuote.option("--aspect", aspect) }
        if let region { words += ShellQuote.option("--region", region) }
        return ShellQuote.command(words)
    }
}
