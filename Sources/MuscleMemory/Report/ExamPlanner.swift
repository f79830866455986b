import SM2

/// Readiness on exam day, and a plan that has every card seen at least once in the last week
/// before the exam without going over the daily maximum.
public struct ExamReadiness: Sendable, Equatable, Codable {
    public struct Topic: Sendable, Equatable, Codable {
        public var name: String
        public var command: String
        public var cards: Int
        /// Learned cards whose next review falls after the exam: SM-2 expects them remembered.
        public var ready: Int
        /// The rest: new, failing, or due on or before exam day.
        public var atRisk: Int
        /// Cards answered at least once: a muscle with none is not started.
        public var seen: Int = 0
        /// Exam-practice answers to the muscle's items in the report's window.
        public var examAnswers: Int = 0
        public var examCorrect: Int = 0
        public var started: Bool { seen > 0 }
        /// The share of cards ready, capped by the exam-practice accuracy once the window holds
        /// `ExamPlanner.examAnswersToJudge` answers: cards recalled on schedule do not make a muscle
        /// ready if the student still picks the wrong option among four (Docs/REPORTS.md).
        public var readyShare: Double {
            let cardsReady = cards > 0 ? Double(ready) / Double(cards) : 0
            guard let exam = examAccuracy, examAnswers >= ExamPlanner.examAnswersToJudge else { return cardsReady }
            return min(cardsReady, exam)
        }
        public var examAccuracy: Double? { examAnswers > 0 ? Double(examCorrect) / Double(examAnswers) : nil }
    }

    public struct PlanDay: Sendable, Equatable, Codable {
        public var day: Day
        /// Reviews SM-2 has due that day (before the final week).
        public var due: Int
        /// New cards to learn that day, so all are seen before the final week.
        public var new: Int
        /// The final week's pass: every card once, spread evenly.
        public var finalPass: Int
        public var total: Int { due + new + finalPass }
    }

    public var exam: Day
    public var daysLeft: Int
    public var maxPerDay: Int
    public var topics: [Topic]
    public var days: [PlanDay]
    /// Empty when the plan fits; otherwise why it does not, and what would make it fit.
    public var problems: [String]
}

enum ExamPlanner {
    static let finalWeek = 7
    /// Exam answers a muscle needs in the window before its accuracy caps its readiness.
    static let examAnswersToJudge = 5

    static func readiness(rows: [TopicFigures], due spread: DueSpread, options: ReportOptions, exam: Day) -> ExamReadiness {
        let topics = WeakTopics.group(rows, by: { $0.muscleKey }).map { key, members in
            let ready = members.reduce(0) { $0 + $1.ready }
            let cards = members.reduce(0) { $0 + $1.cards }
            return ExamReadiness.Topic(name: members[0].muscleName, command: WeakTopics.studyCommand(muscle: key), cards: cards, ready: ready, atRisk: cards - ready,
                                       seen: members.reduce(0) { $0 + $1.seen },
                                       examAnswers: members.reduce(0) { $0 + $1.windowExamAnswers }, examCorrect: members.reduce(0) { $0 + $1.windowExamCorrect })
        }
        // Studied muscles first, least ready first: they are what the student can act on; the
        // muscles not started (all 0 %) come after, alphabetically.
        .sorted { ($0.started ? 0 : 1, $0.readyShare, $0.name) < ($1.started ? 0 : 1, $1.readyShare, $1.name) }
        let plan = plan(today: options.today, exam: exam, due: spread.due, unseen: spread.unseen, total: spread.total, maxPerDay: options.maxPerDay)
        return ExamReadiness(exam: exam, daysLeft: options.today.distance(to: exam), maxPerDay: options.maxPerDay, topics: topics, days: plan.days, problems: plan.problems)
    }

    /// Before the final week: each day's due reviews, plus the unseen cards spread so that all are
    /// seen before the final week starts. The final week (or what is left of it): every card once.
    static func plan(today: Day, exam: Day, due: [Int: Int], unseen: Int, total: Int, maxPerDay: Int) -> (days: [ExamReadiness.PlanDay], problems: [String]) {
        let daysLeft = today.distance(to: exam)
        guard daysLeft > 0 else { return ([], ["the exam day \(exam) is not after today (\(today))"]) }
        guard daysLeft <= ReportOptions.examHorizonDays else {
            return ([], ["the exam day \(exam) is more than \(ReportOptions.examHorizonDays) days after today (\(today)); plan for a nearer exam"])
        }
        let finalDays = min(finalWeek, daysLeft)
        let before = daysLeft - finalDays
        var problems: [String] = []
        var days: [ExamReadiness.PlanDay] = []
        var unseenLeft = unseen
        for offset in 0..<before {
            let day = today.adding(days: offset)
            let dueToday = due[day.number] ?? 0
            let spread = Int((Double(unseenLeft) / Double(before - offset)).rounded(.up))
            let new = max(0, min(spread, maxPerDay - dueToday))
            unseenLeft -= new
            days.append(ExamReadiness.PlanDay(day: day, due: dueToday, new: new, finalPass: 0))
            if dueToday > maxPerDay {
                problems.append("\(day): \(dueToday) reviews are due, more than --max-per-day \(maxPerDay)")
            }
        }
        // Spread evenly: the first `total % finalDays` days take one card more.
        let perDay = Int((Double(total) / Double(finalDays)).rounded(.up))
        for (index, offset) in (before..<daysLeft).enumerated() {
            let share = total / finalDays + (index < total % finalDays ? 1 : 0)
            days.append(ExamReadiness.PlanDay(day: today.adding(days: offset), due: 0, new: 0, finalPass: share))
        }
        if perDay > maxPerDay {
            problems.append("seeing all \(total) cards in the last \(finalDays) day\(finalDays == 1 ? "" : "s") takes \(perDay) a day, more than --max-per-day \(maxPerDay): raise it to \(perDay) or narrow the cards with a filter")
        }
        if unseenLeft > 0 {
            problems.append("\(unseenLeft) card\(unseenLeft == 1 ? "" : "s") cannot be learned before the final week within --max-per-day \(maxPerDay); they are first seen in the final week")
        }
        return (days, problems)
    }
}
