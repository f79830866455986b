import SM2

/// The exam section of `muscle report`: exam-practice accuracy (`muscle exam`) over the window by
/// region, by template and by muscle, the items missed most, and the mock exams' scores. Nil in a
/// report with no exam answers in its window.
public struct ExamPractice: Sendable, Equatable, Codable {
    public struct Accuracy: Sendable, Equatable, Codable {
        public var name: String
        /// The region's name, the template's ID or the muscle's key.
        public var key: String
        public var answers: Int
        public var correct: Int
        public var accuracy: Double? { answers > 0 ? Double(correct) / Double(answers) : nil }
    }

    public struct Missed: Sendable, Equatable, Codable {
        public var id: String
        public var stem: String
        public var muscle: String
        public var template: String
        public var answers: Int
        public var missed: Int
    }

    /// A mock exam: correct answers of all its items (an unanswered item counts as wrong).
    public struct Mock: Sendable, Equatable, Codable {
        public var day: Day
        public var items: Int
        public var answered: Int
        public var correct: Int
        public var score: Double { items > 0 ? Double(correct) / Double(items) : 0 }
    }

    public var answers: Int
    public var correct: Int
    public var byRegion: [Accuracy]
    public var byTemplate: [Accuracy]
    public var byMuscle: [Accuracy]
    /// Every item answered in the window, most missed first.
    public var items: [Missed]
    /// Oldest first.
    public var mocks: [Mock]

    public var accuracy: Double? { answers > 0 ? Double(correct) / Double(answers) : nil }

    /// The items missed most that the report lists.
    static let missedLimit = 10
    public var missedMost: [Missed] { Array(items.filter { $0.missed > 0 }.prefix(Self.missedLimit)) }

    /// The window's figures rolled up; nil when the window holds no exam answer. With a filter,
    /// only the muscles and aspects of the report's topics count.
    static func report(_ figures: ExamPracticeFigures, topics: [TopicFigures], filtered: Bool) -> ExamPractice? {
        let wanted = Set(topics.map { "\($0.muscleKey)/\($0.aspect)" })
        let muscles = Set(topics.map(\.muscleKey))
        let groups = figures.groups.filter { !filtered || wanted.contains("\($0.muscleKey)/\($0.aspect)") }.filter { $0.windowAnswers > 0 }
        guard !groups.isEmpty else { return nil }
        func roll(_ key: (ExamPracticeFigures.Group) -> (key: String, name: String)) -> [Accuracy] {
            var totals: [String: Accuracy] = [:]
            for group in groups {
                let (id, name) = key(group)
                totals[id, default: Accuracy(name: name, key: id, answers: 0, correct: 0)].answers += group.windowAnswers
                totals[id]?.correct += group.windowCorrect
            }
            // Weakest first; ties by more answers, then by name.
            return totals.values.sorted { a, b in
                let (x, y) = (a.accuracy ?? 0, b.accuracy ?? 0)
                if x != y { return x < y }
                if a.answers != b.answers { return a.answers > b.answers }
                return a.name.lowercased() < b.name.lowercased()
            }
        }
        let items = figures.items.filter { !filtered || muscles.contains($0.muscleKey) }
            .map { Missed(id: $0.id, stem: $0.stem, muscle: $0.muscleName, template: $0.template, answers: $0.answers, missed: $0.answers - $0.correct) }
            // Most missed first; ties by more answers, then by ID.
            .sorted { a, b in (b.missed, b.answers, a.id) < (a.missed, a.answers, b.id) }
        return ExamPractice(
            answers: groups.reduce(0) { $0 + $1.windowAnswers }, correct: groups.reduce(0) { $0 + $1.windowCorrect },
            byRegion: roll { ($0.region.isEmpty ? "(no region)" : $0.region, $0.region.isEmpty ? "(no region)" : $0.region) },
            byTemplate: roll { ($0.template, $0.template) },
            byMuscle: roll { ($0.muscleKey, $0.muscleName) },
            items: items,
            mocks: figures.mocks.map { Mock(day: $0.day, items: $0.items, answered: $0.answered, correct: $0.correct) })
    }

    /// Exam answers join the topic of their item's muscle and aspect (Docs/REPORTS.md, "Exam
    /// practice"): the first of the topic rows with that muscle key and aspect takes them.
    static func merge(_ figures: ExamPracticeFigures, into rows: [TopicFigures]) -> [TopicFigures] {
        var rows = rows
        var index: [String: Int] = [:]
        for (position, row) in rows.enumerated() where index["\(row.muscleKey)/\(row.aspect)"] == nil { index["\(row.muscleKey)/\(row.aspect)"] = position }
        for group in figures.groups {
            guard let position = index["\(group.muscleKey)/\(group.aspect)"] else { continue }
            rows[position].examAnswers += group.answers
            rows[position].examCorrect += group.correct
            rows[position].windowExamAnswers += group.windowAnswers
            rows[position].windowExamCorrect += group.windowCorrect
        }
        return rows
    }
}
